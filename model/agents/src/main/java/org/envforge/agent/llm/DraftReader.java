package org.envforge.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.envforge.action.Action;
import org.envforge.action.GymAnythingActions;
import org.envforge.plugin.BuiltInProbes;
import org.envforge.plugin.Probe;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.Session;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/**
 * Reads one task in the creator's schema ({@link DraftSchema}) and validates it against the
 * plugin; every problem found is listed in the refusal so that the model can fix them at once.
 */
final class DraftReader {

    /** Template id of every task the LLM creator writes. */
    static final String TEMPLATE = "llm";

    private final SoftwarePlugin plugin;

    DraftReader(SoftwarePlugin plugin) {
        this.plugin = plugin;
    }

    /** The probe ids the plugin offers, its own first. */
    static List<Probe> probes(SoftwarePlugin plugin) {
        Map<String, Probe> byId = new LinkedHashMap<>();
        Stream.concat(plugin.probes().stream(), BuiltInProbes.ALL.stream()).forEach(p -> byId.putIfAbsent(p.id(), p));
        return List.copyOf(byId.values());
    }

    /**
     * Reads a reply.
     *
     * @param naming turns the name the model proposed (null when none) into the task's final name
     */
    TaskDraft read(String reply, UnaryOperator<String> naming) throws ReplyRejected {
        ObjectNode o = JsonReplies.object(reply);
        Problems p = new Problems();
        String proposed = o.path("name").isTextual() ? o.get("name").asText() : null;
        String instruction = p.text(o, "instruction", true);
        String difficulty = p.text(o, "difficulty", true);
        if (difficulty != null && !DraftSchema.DIFFICULTIES.contains(difficulty)) {
            p.add("\"difficulty\" must be one of " + DraftSchema.DIFFICULTIES + ", was \"" + difficulty + "\"");
        }
        int maxSteps = p.positiveInt(o, "max_steps");
        int timeout = p.positiveInt(o, "timeout_sec");
        Map<String, byte[]> files = files(o, p);
        String setup = o.has("setup") ? p.text(o, "setup", false) : "";
        List<String> launch = launch(o, p);
        String windowTitle = p.text(o, "window_title", true);
        if (windowTitle != null) {
            try {
                Pattern.compile(windowTitle);
            } catch (PatternSyntaxException e) {
                p.add("\"window_title\" is not a valid regular expression: " + e.getDescription());
            }
        }
        String export = o.has("export") ? p.text(o, "export", false) : "";
        SpecReader specs = new SpecReader(plugin, p);
        Checker.Probes checker = specs.checker(o);
        Checklist checklist = specs.checklist(o);
        PrivilegedInfo facts = specs.privilegedInfo(o, checklist);
        List<Action> oracle = oracle(o, p);
        String provenance = p.text(o, "provenance", true);
        p.throwIfAny();
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        facts.items().forEach(i -> metadata.put(i.key(), i.value()));
        return TaskDraft.builder().template(TEMPLATE).name(naming.apply(proposed)).instruction(instruction).difficulty(difficulty)
                .maxSteps(maxSteps).timeoutSeconds(timeout).files(files).setup(setup == null ? "" : setup).launch(launch)
                .windowTitle(windowTitle).export(export == null ? "" : export).checker(checker).checklist(checklist).privilegedInfo(facts)
                .oracle(oracle).metadata(metadata).provenance(provenance).build();
    }

    private static Map<String, byte[]> files(ObjectNode o, Problems p) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        JsonNode f = o.path("files");
        if (f.isMissingNode() || f.isNull()) {
            return files;
        }
        if (!f.isObject()) {
            p.add("\"files\" must be an object mapping paths to file text");
            return files;
        }
        f.properties().forEach(e -> {
            String path = e.getKey();
            if (path.isBlank() || path.startsWith("/") || path.startsWith("~") || List.of(path.split("/")).contains("..")) {
                p.add("files: \"" + path + "\" must be a path relative to the home folder, without ..");
            } else if (!e.getValue().isTextual()) {
                p.add("files: the content of \"" + path + "\" must be a string");
            } else {
                files.put(path, e.getValue().asText().getBytes(StandardCharsets.UTF_8));
            }
        });
        return files;
    }

    private static List<String> launch(ObjectNode o, Problems p) {
        JsonNode l = o.path("launch");
        List<String> out = new ArrayList<>();
        if (!l.isArray() || l.isEmpty()) {
            p.add("\"launch\" must be a non-empty list of strings (the app's command line)");
            return out;
        }
        for (JsonNode a : l) {
            if (!a.isTextual() || a.asText().isEmpty()) {
                p.add("\"launch\" must hold only non-empty strings, found " + a);
                return out;
            }
            out.add(a.asText());
        }
        if (out.get(0).isBlank()) {
            p.add("\"launch\" must start with a program name");
        }
        return out;
    }

    private static List<Action> oracle(ObjectNode o, Problems p) {
        JsonNode list = o.path("oracle");
        if (!list.isArray() || list.isEmpty()) {
            p.add("\"oracle\" must be a non-empty list of Gym-Anything actions");
            return List.of();
        }
        List<Action> actions;
        try {
            actions = GymAnythingActions.fromJsonList(list);
        } catch (RuntimeException e) {
            p.add("oracle" + (e instanceof IllegalArgumentException ? "" : ": ") + e.getMessage());
            return List.of();
        }
        for (int i = 0; i < actions.size(); i++) {
            int n = i + 1;
            Session.waitTooLong(actions.get(i)).ifPresent(problem -> p.add("oracle action " + n + ": " + problem));
        }
        return actions;
    }

}
