package org.envforge.agent.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.envforge.agent.AuditReport;
import org.envforge.agent.Creation;
import org.envforge.agent.CreationRequest;
import org.envforge.agent.Creator;
import org.envforge.agent.Defect;
import org.envforge.agent.EnvironmentDraft;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.SolvedState;
import org.envforge.agent.TaskAudit;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.spec.EnvironmentId;

/**
 * The embedded, offline creator: fills a plugin's task templates with real data from the shipped
 * tables (each template writes setup, checker, checklist, privileged facts and an oracle). It
 * reads an audit and fixes what it can: a task whose start state, checker or data failed is
 * made again from its template (with fresh data when the data was at fault), an ambiguous or
 * leaking instruction is rewritten from the template.
 */
public final class RecipeCreator implements Creator {

    private static final long SEED_STRIDE = 1_000_003L;

    private final Supplier<SeedData> data;
    private final FaultInjector faults;

    public RecipeCreator(Supplier<SeedData> data, SolvedState solved) {
        this.data = data;
        this.faults = new FaultInjector(solved);
    }

    @Override
    public String id() {
        return "recipe";
    }

    @Override
    public Creation create(CreationRequest request, SoftwarePlugin plugin) {
        List<TaskTemplate> templates = plugin.templates();
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("plugin " + plugin.id() + " has no task templates");
        }
        List<String> notes = new ArrayList<>();
        if (request.memoryNote() != null && !request.memoryNote().isBlank()) {
            notes.add("read the memory for " + plugin.id() + ": " + request.memoryNote());
        }
        Random pick = new Random(request.seed());
        List<TaskDraft> tasks = new ArrayList<>();
        Map<String, Defect> injected = new LinkedHashMap<>();
        Defect[] kinds = Defect.values();
        for (int i = 0; i < request.tasks(); i++) {
            TaskTemplate t = templates.get((int) ((request.seed() + i) % templates.size()));
            long seed = taskSeed(request, i, 0);
            TaskDraft d = t.generate(new TemplateContext(seed, data.get(), EnvironmentId.generated(request.envName())));
            notes.add("task " + (i + 1) + ": template " + t.id() + " with data seed " + seed + " (" + d.name() + ")");
            if (request.faultRate() > 0 && pick.nextDouble() < request.faultRate()) {
                Defect defect = kinds[(int) Math.floorMod(request.seed() * 31 + i, kinds.length)];
                d = faults.inject(defect, plugin, d);
                injected.put(d.name(), defect);
            }
            tasks.add(d);
        }
        return new Creation(new EnvironmentDraft(request.envName(), plugin.id(), request.product(), tasks), notes, injected);
    }

    @Override
    public Creation fix(CreationRequest request, SoftwarePlugin plugin, Creation previous, AuditReport audit) {
        List<TaskDraft> tasks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Defect> injected = new LinkedHashMap<>();
        List<TaskDraft> before = previous.environment().tasks();
        for (int i = 0; i < before.size(); i++) {
            TaskDraft d = before.get(i);
            TaskAudit a = audit.task(d.name()).orElse(null);
            if (a == null || a.passed()) {
                tasks.add(d);
                if (previous.injected().containsKey(d.name())) {
                    injected.put(d.name(), previous.injected().get(d.name()));
                }
                continue;
            }
            List<String> failed = a.failures().stream().map(ItemVerdict::item).toList();
            TaskTemplate t = plugin.template(d.template()).orElse(plugin.templates().get(0));
            int attempt = attempts(previous, d) + 1;
            boolean freshData = failed.contains("oracle_solves") || failed.contains("probes_match_truth")
                    || failed.contains("data_visible_at_start");
            long seed = freshData ? taskSeed(request, i, attempt) : taskSeed(request, i, 0);
            TaskDraft fixed = t.generate(new TemplateContext(seed, data.get(), EnvironmentId.generated(request.envName())));
            notes.add("fixed " + d.name() + " (failed " + failed + "): " + describeFix(failed, freshData) + " -> " + fixed.name());
            tasks.add(fixed);
        }
        return new Creation(new EnvironmentDraft(previous.environment().name(), plugin.id(), request.product(), tasks), notes, injected);
    }

    private static String describeFix(List<String> failed, boolean freshData) {
        List<String> what = new ArrayList<>();
        if (failed.contains("app_ready_at_start") || failed.contains("setup_runs")) {
            what.add("launch the app again and wait for its window");
        }
        if (failed.contains("instruction_specific") || failed.contains("instruction_no_leak")) {
            what.add("rewrite the instruction from the template (what and where, not how)");
        }
        if (failed.contains("not_solved_at_start")) {
            what.add("rebuild the start state and the checker");
        }
        if (freshData) {
            what.add("regenerate the data");
        }
        return what.isEmpty() ? "make the task again from its template" : String.join("; ", what);
    }

    /** How many times this task slot was remade (its name carries the seed). */
    private static int attempts(Creation previous, TaskDraft d) {
        return (int) previous.notes().stream().filter(n -> n.contains("-> " + d.name())).count();
    }

    private static long taskSeed(CreationRequest r, int index, int attempt) {
        return Math.floorMod(r.seed() * 101 + index + attempt * SEED_STRIDE, Long.MAX_VALUE / 2);
    }
}
