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

    private static final int MAX_LISTED = 12;

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
        Checker.Probes checker = checker(o, p);
        Checklist checklist = checklist(o, p);
        PrivilegedInfo facts = privilegedInfo(o, p, checklist);
        List<Action> oracle = oracle(o, p);
        String provenance = p.text(o, "provenance", true);
        p.throwIfAny();
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        facts.items().forEach(i -> metadata.put(i.key(), i.value()));
        return new TaskDraft(TEMPLATE, naming.apply(proposed), instruction, difficulty, maxSteps, timeout, files,
                setup == null ? "" : setup, launch, windowTitle, export == null ? "" : export, checker, checklist, facts, oracle,
                metadata, provenance);
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
        f.fields().forEachRemaining(e -> {
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

    private Checker.Probes checker(ObjectNode o, Problems p) {
        JsonNode c = o.path("checker");
        JsonNode list = c.isArray() ? c : c.path("conditions");
        List<Checker.Condition> out = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            p.add("\"checker\" must be {\"conditions\": [...]} with at least one condition");
            return new Checker.Probes(out);
        }
        int i = 0;
        for (JsonNode n : list) {
            String at = "checker.conditions[" + i++ + "]";
            if (!n.isObject()) {
                p.add(at + " must be an object");
                continue;
            }
            String probe = p.text((ObjectNode) n, "probe", true, at);
            if (probe != null && plugin.probe(probe).isEmpty()) {
                p.add(at + ": unknown probe \"" + probe + "\"; this app's probes are "
                        + probes(plugin).stream().map(Probe::id).toList());
            }
            JsonNode args = n.path("args");
            if (args.isMissingNode() || args.isNull()) {
                args = JsonReplies.JSON.createObjectNode();
            } else if (!args.isObject()) {
                p.add(at + ": \"args\" must be an object");
            }
            String op = p.text((ObjectNode) n, "op", true, at);
            JsonNode expected = n.get("expected");
            if (op != null) {
                checkOp(at, op, expected, p);
            }
            out.add(new Checker.Condition(probe, args, op, expected == null ? JsonReplies.JSON.nullNode() : expected));
        }
        return new Checker.Probes(out);
    }

    private static void checkOp(String at, String op, JsonNode expected, Problems p) {
        if (!DraftSchema.OPS.contains(op)) {
            p.add(at + ": unknown op \"" + op + "\"; use one of " + DraftSchema.OPS);
            return;
        }
        if (DraftSchema.UNARY_OPS.contains(op)) {
            return;
        }
        if (expected == null || expected.isNull() || expected.isContainerNode()) {
            p.add(at + ": op " + op + " needs an \"expected\" string or number");
        } else if (op.equals("equals_number") && !expected.isNumber() && !isNumber(expected.asText())) {
            p.add(at + ": op equals_number needs a number as \"expected\", was " + expected);
        } else if (op.equals("matches")) {
            try {
                Pattern.compile(expected.asText());
            } catch (PatternSyntaxException e) {
                p.add(at + ": \"expected\" is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.replace(",", "").strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Checklist checklist(ObjectNode o, Problems p) {
        JsonNode c = o.path("checklist");
        List<Checklist.Item> completion = new ArrayList<>();
        List<Checklist.IntegrityItem> integrity = new ArrayList<>();
        if (!c.isObject()) {
            p.add("\"checklist\" must be an object with \"completion\" and \"integrity\" lists");
            return new Checklist(completion, integrity, "");
        }
        JsonNode comp = c.path("completion");
        if (!comp.isArray() || comp.isEmpty()) {
            p.add("checklist.completion must be a non-empty list");
        } else {
            int i = 0;
            for (JsonNode n : comp) {
                String at = "checklist.completion[" + i++ + "]";
                if (!n.isObject()) {
                    p.add(at + " must be an object");
                    continue;
                }
                String id = p.text((ObjectNode) n, "id", true, at);
                String description = p.text((ObjectNode) n, "description", true, at);
                JsonNode pts = n.path("points");
                if (!pts.isNumber() || pts.asDouble() <= 0) {
                    p.add(at + ": \"points\" must be a positive number");
                }
                completion.add(new Checklist.Item(id, description, pts.asDouble(), n.path("visual_evidence").asText("")));
            }
            double total = completion.stream().mapToDouble(Checklist.Item::points).sum();
            if (Math.abs(total - 100) > 1e-6) {
                p.add("checklist.completion points add up to " + format(total) + ", not 100");
            }
        }
        JsonNode integ = c.path("integrity");
        if (!integ.isArray() || integ.isEmpty()) {
            p.add("checklist.integrity must be a non-empty list");
        } else {
            int i = 0;
            for (JsonNode n : integ) {
                String at = "checklist.integrity[" + i++ + "]";
                if (!n.isObject()) {
                    p.add(at + " must be an object");
                    continue;
                }
                integrity.add(new Checklist.IntegrityItem(p.text((ObjectNode) n, "id", true, at),
                        p.text((ObjectNode) n, "description", true, at), n.path("visual_evidence").asText("")));
            }
        }
        return new Checklist(completion, integrity, c.path("note").asText(""));
    }

    private static PrivilegedInfo privilegedInfo(ObjectNode o, Problems p, Checklist checklist) {
        JsonNode list = o.path("privileged_info");
        List<PrivilegedInfo.Item> items = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            p.add("\"privileged_info\" must be a non-empty list of {key, value, source}");
        } else {
            int i = 0;
            for (JsonNode n : list) {
                String at = "privileged_info[" + i++ + "]";
                if (!n.isObject()) {
                    p.add(at + " must be an object");
                    continue;
                }
                String key = p.text((ObjectNode) n, "key", true, at);
                JsonNode value = n.get("value");
                if (value == null || value.isNull()) {
                    p.add(at + ": \"value\" is missing");
                }
                String source = p.text((ObjectNode) n, "source", true, at);
                // The model's claims; the audit (probes read after the oracle) is what checks them.
                items.add(new PrivilegedInfo.Item(key, value, null, source, PrivilegedInfo.Status.UNVERIFIED));
            }
        }
        return new PrivilegedInfo(items, checklist.privilegedInfo(), "medium", null);
    }

    private static List<Action> oracle(ObjectNode o, Problems p) {
        JsonNode list = o.path("oracle");
        if (!list.isArray() || list.isEmpty()) {
            p.add("\"oracle\" must be a non-empty list of Gym-Anything actions");
            return List.of();
        }
        try {
            return GymAnythingActions.fromJsonList(list);
        } catch (IllegalArgumentException e) {
            p.add("oracle" + e.getMessage());
            return List.of();
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The problems found so far. */
    private static final class Problems {
        private final List<String> list = new ArrayList<>();

        void add(String problem) {
            list.add(problem);
        }

        String text(ObjectNode o, String field, boolean required) {
            return text(o, field, required, null);
        }

        String text(ObjectNode o, String field, boolean required, String at) {
            JsonNode n = o.get(field);
            String name = (at == null ? "" : at + ".") + field;
            if (n == null || n.isNull()) {
                if (required) {
                    add("\"" + name + "\" is missing");
                }
                return null;
            }
            if (!n.isTextual()) {
                add("\"" + name + "\" must be a string");
                return null;
            }
            if (required && n.asText().isBlank()) {
                add("\"" + name + "\" is empty");
                return null;
            }
            return n.asText();
        }

        int positiveInt(ObjectNode o, String field) {
            JsonNode n = o.get(field);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() <= 0) {
                add("\"" + field + "\" must be a whole number greater than 0");
                return 0;
            }
            return n.asInt();
        }

        void throwIfAny() throws ReplyRejected {
            if (list.isEmpty()) {
                return;
            }
            List<String> shown = list.size() > MAX_LISTED ? list.subList(0, MAX_LISTED) : list;
            throw new ReplyRejected(String.join("; ", shown) + (list.size() > MAX_LISTED ? "; and " + (list.size() - MAX_LISTED)
                    + " more problems" : ""));
        }
    }
}
