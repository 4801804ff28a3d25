package org.envforge.spec.osworld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.envforge.json.JsonFields;
import org.envforge.spec.Checker;
import org.envforge.spec.EnvironmentId;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.Limits;
import org.envforge.spec.Problem;
import org.envforge.spec.Provenance;
import org.envforge.spec.Resources;
import org.envforge.spec.SafeNames;
import org.envforge.spec.TaskSpec;

/**
 * OSWorld task JSON: id, snapshot, instruction, source, config steps, related_apps, evaluator
 * (postconfig, func, conj, result, expected, options), possibility_of_env_change. Imported
 * documents are kept whole; the evaluator becomes an {@link Checker.OsworldEvaluator}. Each
 * snapshot becomes one environment, osworld_SNAPSHOT.
 */
public final class OsworldFormat {

    public static final Set<String> CONFIG_TYPES = Set.of("download", "launch", "open", "execute", "command", "sleep",
            "activate_window", "close_window", "chrome_open_tabs", "chrome_close_tabs", "update_browse_history",
            "googledrive", "login", "execute_with_verification", "proxy");
    private static final String BASE_PREFIX = "osworld:";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OsworldFormat() {
    }

    /** The OSWorld snapshot an environment's base names ("osworld:SNAPSHOT"), if it names one. */
    public static Optional<String> snapshot(String base) {
        return base != null && base.startsWith(BASE_PREFIX) ? Optional.of(base.substring(BASE_PREFIX.length())) : Optional.empty();
    }

    /** True when a JSON object looks like an OSWorld task. */
    public static boolean looksLikeTask(JsonNode n) {
        return n != null && n.isObject() && n.has("instruction") && n.has("evaluator");
    }

    /** The environment that holds a snapshot's tasks. */
    public static EnvironmentSpec environmentFor(String snapshot, String relatedApp, String origin) {
        String name = EnvironmentId.osworldName(snapshot);
        String id = EnvironmentId.of(name, EnvironmentId.OSWORLD_VERSION);
        ObjectNode doc = F.objectNode();
        doc.put("id", id);
        doc.put("version", "osworld");
        doc.put("base", BASE_PREFIX + snapshot);
        doc.put("description", "OSWorld tasks on the " + snapshot + " snapshot");
        doc.putArray("observation").addObject().put("type", "rgb_screen");
        ArrayNode action = doc.putArray("action");
        action.addObject().put("type", "mouse");
        action.addObject().put("type", "keyboard");
        String software = relatedApp == null || relatedApp.isBlank() ? snapshot : titleCase(relatedApp);
        return new EnvironmentSpec(id, name, EnvironmentId.OSWORLD_VERSION, doc.get("description").asText(), software, null,
                BASE_PREFIX + snapshot, snapshot.equals("windows") ? "windows" : "linux", Resources.none(), Map.of(),
                List.of("rgb_screen"), List.of("mouse", "keyboard"), List.of("osworld"),
                new Provenance(Provenance.OSWORLD, origin, "Apache-2.0"), doc);
    }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.split("[ _]")) {
            if (!w.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        String t = sb.toString();
        return switch (t) {
            case "Os" -> "OS";
            case "Vscode", "Vs Code" -> "VS Code";
            case "Vlc" -> "VLC";
            case "Gimp" -> "GIMP";
            default -> t.replace("Libreoffice", "LibreOffice");
        };
    }

    /** Parses an OSWorld task document. */
    public static TaskSpec parseTask(ObjectNode doc, String file, String envId, List<Problem> problems) {
        JsonFields f = new JsonFields(file, problems);
        String id = f.string(doc, "", "id", true);
        String snapshot = f.string(doc, "", "snapshot", true);
        // Both become names on export (examples/SNAPSHOT/ID.json, tasks/ID/): upstream's are UUIDs and plain words.
        if (id != null) {
            SafeNames.check(id, file, "/id", problems);
        }
        if (snapshot != null) {
            SafeNames.check(snapshot, file, "/snapshot", problems);
        }
        String instruction = f.string(doc, "", "instruction", true);
        f.array(doc, "", "config", false, (step, p) -> {
            String type = f.string(step, p, "type", true);
            if (type != null && !CONFIG_TYPES.contains(type)) {
                f.warning(p + "/type", "unknown config step type \"" + type + "\"; kept as is");
            }
            if (step.has("parameters") && !step.get("parameters").isObject()) {
                f.error(p + "/parameters", "expected an object");
            }
        });
        f.strings(doc, "", "related_apps");
        ObjectNode evaluator = f.object(doc, "", "evaluator", true);
        Checker checker;
        if (evaluator == null) {
            checker = new Checker.Unknown("none", F.nullNode());
        } else {
            JsonNode func = evaluator.get("func");
            if (func == null || !(func.isTextual() || func.isArray())) {
                f.error("/evaluator/func", "expected a function name or a list of them");
            } else if (func.isArray()) {
                checkParallel(evaluator, func.size(), "result", f);
                checkParallel(evaluator, func.size(), "expected", f);
                JsonNode conj = evaluator.get("conj");
                if (conj != null && !("and".equals(conj.asText()) || "or".equals(conj.asText()))) {
                    f.error("/evaluator/conj", "expected \"and\" or \"or\", found " + JsonFields.kind(conj));
                }
            }
            checker = new Checker.OsworldEvaluator(evaluator);
        }
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        docs.put(TaskSpec.OSWORLD_JSON, doc);
        return new TaskSpec(id == null ? file : id, id == null ? file : id, envId, null, instruction, null,
                new Limits(null, null, null), null, null, checker, Map.of(), null, null, List.of(), docs);
    }

    private static void checkParallel(ObjectNode evaluator, int n, String field, JsonFields f) {
        JsonNode v = evaluator.get(field);
        if (v != null && v.isArray() && v.size() != n) {
            f.error("/evaluator/" + field, "lists " + v.size() + " entries for " + n + " functions");
        }
    }

    /** Why an EnvForge task cannot be written as OSWorld JSON, or empty when it can. */
    public static Optional<String> whyNotExportable(TaskSpec t, ProbeCommands commands) {
        Checker c = t.checker();
        if (c instanceof Checker.OsworldEvaluator) {
            return Optional.empty();
        }
        if (c instanceof Checker.Program p) {
            return Optional.of("its checker is a Python program (" + p.file() + "::" + p.function()
                    + "); OSWorld evaluators are fixed functions and cannot run it");
        }
        if (c instanceof Checker.VlmChecklist) {
            return Optional.of("it is judged by a VLM checklist only; OSWorld has no checklist evaluator");
        }
        if (c instanceof Checker.Probes p) {
            for (Checker.Condition cond : p.conditions()) {
                if (commands.commandLine(cond.probe(), cond.args()).isEmpty()) {
                    return Optional.of("its probe \"" + cond.probe() + "\" has no command-line form OSWorld can run");
                }
                if (!Set.of("equals", "contains", "not_contains", "equals_number").contains(cond.op())) {
                    return Optional.of("its condition \"" + cond.op() + "\" has no OSWorld evaluator");
                }
            }
            return Optional.empty();
        }
        return Optional.of("its checker (" + c.describe() + ") has no OSWorld form");
    }

    /** The command line a probe runs in the sandbox, for OSWorld's vm_command_line results. */
    @FunctionalInterface
    public interface ProbeCommands {
        Optional<List<String>> commandLine(String probe, JsonNode args);

        /** The probes every EnvForge sandbox has: file text and file existence. */
        ProbeCommands BUILT_IN = (probe, args) -> switch (probe) {
            case "file_text" -> Optional.of(List.of("cat", args.path("path").asText()));
            case "file_exists" -> Optional.of(List.of("sh", "-c", "test -e '" + args.path("path").asText().replace("'", "")
                    + "' && echo yes || echo no"));
            default -> Optional.empty();
        };
    }

    /**
     * The OSWorld JSON of a task. Imported OSWorld tasks give their document back unchanged; others
     * are converted when {@link #whyNotExportable} is empty (call it first).
     */
    public static ObjectNode toJson(TaskSpec t, String snapshot, String setupScript, ProbeCommands commands) {
        ObjectNode original = t.documents().get(TaskSpec.OSWORLD_JSON);
        if (original != null) {
            return original;
        }
        ObjectNode o = F.objectNode();
        o.put("id", t.id());
        o.put("snapshot", snapshot);
        o.put("instruction", t.instruction());
        o.put("source", "envforge");
        ArrayNode config = o.putArray("config");
        if (setupScript != null && !setupScript.isBlank()) {
            ObjectNode exec = config.addObject();
            exec.put("type", "execute");
            exec.putObject("parameters").putArray("command").add("bash").add("-c").add(setupScript);
        }
        o.putArray("related_apps").add(snapshot);
        ObjectNode ev = o.putObject("evaluator");
        Checker c = t.checker();
        if (c instanceof Checker.OsworldEvaluator e) {
            o.set("evaluator", e.evaluator());
        } else if (c instanceof Checker.Probes p) {
            List<ObjectNode> funcs = new ArrayList<>();
            for (Checker.Condition cond : p.conditions()) {
                funcs.add(evaluatorOf(cond, commands.commandLine(cond.probe(), cond.args()).orElseThrow()));
            }
            if (funcs.size() == 1) {
                ev.setAll(funcs.get(0));
            } else {
                ArrayNode fn = ev.putArray("func");
                ArrayNode res = ev.putArray("result");
                ArrayNode exp = ev.putArray("expected");
                for (ObjectNode one : funcs) {
                    fn.add(one.get("func"));
                    res.add(one.get("result"));
                    exp.add(one.get("expected"));
                }
                ev.put("conj", "and");
            }
        } else {
            throw new IllegalArgumentException("not exportable to OSWorld: " + whyNotExportable(t, commands).orElse("?"));
        }
        o.put("possibility_of_env_change", "low");
        return o;
    }

    private static ObjectNode evaluatorOf(Checker.Condition cond, List<String> command) {
        ObjectNode e = F.objectNode();
        ObjectNode result = F.objectNode();
        result.put("type", "vm_command_line");
        ArrayNode cmd = result.putArray("command");
        command.forEach(cmd::add);
        ObjectNode expected = F.objectNode();
        expected.put("type", "rule");
        ObjectNode rules = expected.putObject("rules");
        switch (cond.op()) {
            case "contains" -> {
                e.put("func", "check_include_exclude");
                rules.putArray("include").add(cond.expected().asText());
                rules.putArray("exclude");
            }
            case "not_contains" -> {
                e.put("func", "check_include_exclude");
                rules.putArray("include");
                rules.putArray("exclude").add(cond.expected().asText());
            }
            default -> {
                // equals and equals_number: OSWorld's exact_match compares the stripped output.
                e.put("func", "exact_match");
                rules.put("expected", cond.expected().isNumber() ? cond.expected().asText() : cond.expected().asText());
            }
        }
        e.set("result", result);
        e.set("expected", expected);
        return e;
    }
}
