package org.envforge.agent.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.envforge.agent.AgentException;
import org.envforge.agent.AuditReport;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.Creation;
import org.envforge.agent.CreationRequest;
import org.envforge.agent.Creator;
import org.envforge.agent.EnvironmentDraft;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TemplateContext;

/**
 * The creator that asks a language model to write each task's artefacts as JSON
 * ({@link DraftSchema}), given the app, its probes, a worked example from the plugin's first
 * template, real data rows and the memory note; and, to fix, the failed task with the audit's
 * reasons. Every reply is validated against the plugin; a refused reply goes back to the model
 * with the reason (recorded in the notes), up to a number of replies per task. Tasks get the
 * template id "llm" and unique names of lower-case letters, digits and underscores. Fault
 * injection is not supported (the fault rate is noted and ignored).
 */
public final class LlmCreator implements Creator {

    public static final String ID = "llm";
    /** Default replies per task before giving up. */
    public static final int DEFAULT_REPLIES = 3;
    static final int SAMPLE_ROWS = 12;
    static final int EXAMPLE_FILE_LINES = 25;
    static final int FIX_FILE_LINES = 400;

    private final LlmClient client;
    private final Supplier<SeedData> seedData;
    private final SchemaDialogue dialogue;

    /**
     * @param seedData the real data tasks are built on (the request does not carry it); read once per creation
     */
    public LlmCreator(LlmClient client, Supplier<SeedData> seedData) {
        this(client, seedData, DEFAULT_REPLIES);
    }

    /** @param maxReplies replies asked for per task before the creation fails */
    public LlmCreator(LlmClient client, Supplier<SeedData> seedData, int maxReplies) {
        this.client = client;
        this.seedData = seedData;
        this.dialogue = new SchemaDialogue(client, maxReplies);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Creation create(CreationRequest request, SoftwarePlugin plugin) {
        if (request.tasks() < 1) {
            throw new AgentException("llm creator: asked for " + request.tasks() + " tasks; at least one is needed");
        }
        List<String> notes = new ArrayList<>();
        notes.add("llm creator: " + client.settings().describe());
        if (request.faultRate() > 0) {
            notes.add("fault injection is not supported by the llm creator; fault rate " + request.faultRate() + " ignored");
        }
        Optional<SeedData> data = seedData(notes);
        String example = data.map(d -> example(plugin, request, d, notes)).orElse(null);
        String provenance = data.map(SeedData::provenance).orElse("");
        String system = CreatorPrompts.system(plugin);
        DraftReader reader = new DraftReader(plugin);
        List<TaskDraft> drafts = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < request.tasks(); i++) {
            String what = "task " + (i + 1) + " of " + request.tasks();
            long seed = request.seed() + i;
            String rows = data.map(d -> DataSample.rows(d, seed, SAMPLE_ROWS)).orElse("");
            CreatorPrompts.Material material = new CreatorPrompts.Material(example, rows, provenance);
            String user = CreatorPrompts.create(request, i, material, drafts);
            int index = i;
            TaskDraft d = ask(LlmPrompt.of(system, user, List.of()), reply -> reader.read(reply, uniqueName(taken, index)), what,
                    notes);
            taken.add(d.name());
            drafts.add(d);
            notes.add(what + ": accepted " + d.name() + " (" + d.checker().conditions().size() + " conditions, " + d.oracle().size()
                    + " oracle actions)");
        }
        return new Creation(new EnvironmentDraft(request.envName(), plugin.id(), request.product(), drafts), notes, Map.of());
    }

    @Override
    public Creation fix(CreationRequest request, SoftwarePlugin plugin, Creation previous, AuditReport audit) {
        List<TaskDraft> before = previous.environment().tasks();
        if (before.isEmpty()) {
            return create(request, plugin);
        }
        List<String> notes = new ArrayList<>();
        notes.add("llm creator fixing after the " + audit.auditor() + " audit: " + client.settings().describe());
        String system = CreatorPrompts.system(plugin);
        DraftReader reader = new DraftReader(plugin);
        DraftWriter writer = new DraftWriter(FIX_FILE_LINES);
        List<TaskDraft> after = new ArrayList<>();
        for (TaskDraft d : before) {
            List<ItemVerdict> failures = audit.task(d.name()).map(TaskAudit::failures).orElse(List.of());
            if (failures.isEmpty()) {
                notes.add(d.name() + ": kept (no failed audit item)");
                after.add(d);
                continue;
            }
            List<ItemVerdict> warnings = audit.task(d.name()).orElseThrow().items().stream()
                    .filter(v -> v.verdict() == AuditVerdict.PARTIAL).toList();
            notes.add(d.name() + ": rewriting for " + failures.stream().map(ItemVerdict::item).toList());
            String user = CreatorPrompts.fix(request, writer.write(d), failures, warnings);
            String name = d.name();
            TaskDraft fixed = ask(LlmPrompt.of(system, user, List.of()), reply -> reader.read(reply, proposed -> name), name, notes);
            notes.add(name + ": fixed");
            after.add(fixed);
        }
        EnvironmentDraft env = previous.environment();
        return new Creation(new EnvironmentDraft(env.name(), env.plugin(), env.product(), after), notes, Map.of());
    }

    private TaskDraft ask(LlmPrompt prompt, SchemaDialogue.Reader<TaskDraft> reader, String what, List<String> notes) {
        try {
            return dialogue.ask(prompt, reader, what, notes);
        } catch (AgentException e) {
            throw new AgentException("llm creator, " + (e.getMessage().startsWith(what) ? "" : what + ": ") + e.getMessage(), e);
        }
    }

    private Optional<SeedData> seedData(List<String> notes) {
        try {
            SeedData d = seedData.get();
            if (d == null) {
                notes.add("no seed data; the prompt has no data rows and no worked example");
            }
            return Optional.ofNullable(d);
        } catch (RuntimeException e) {
            notes.add("no seed data (" + e.getMessage() + "); the prompt has no data rows and no worked example");
            return Optional.empty();
        }
    }

    private static String example(SoftwarePlugin plugin, CreationRequest request, SeedData data, List<String> notes) {
        if (plugin.templates().isEmpty()) {
            notes.add("the plugin has no templates: no worked example in the prompt");
            return null;
        }
        try {
            TaskDraft d = plugin.templates().get(0).generate(new TemplateContext(request.seed(), data, request.envName()));
            return new DraftWriter(EXAMPLE_FILE_LINES).write(d).toPrettyString();
        } catch (RuntimeException e) {
            notes.add("the worked example could not be made (" + e + "); prompting without it");
            return null;
        }
    }

    /** Names a new task: the model's name made safe, or task_N, with a suffix when taken. */
    private static UnaryOperator<String> uniqueName(Set<String> taken, int index) {
        return proposed -> {
            String base = proposed == null ? "" : Drafts.slug(proposed);
            if (base.length() > 48) {
                base = base.substring(0, 48).replaceAll("_+$", "");
            }
            if (base.isEmpty()) {
                base = "task_" + (index + 1);
            }
            String name = base;
            for (int k = 2; taken.contains(name); k++) {
                name = base + "_" + k;
            }
            return name;
        };
    }
}
