package org.envforge.spec.gymanything;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.envforge.action.Action;
import org.envforge.action.GymAnythingActions;
import org.envforge.json.JsonFields;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.EnvironmentId;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.Limits;
import org.envforge.spec.PrivilegedInfo;
import org.envforge.spec.Problem;
import org.envforge.spec.Provenance;
import org.envforge.spec.Resources;
import org.envforge.spec.SafeNames;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.osworld.OsworldFormat;

/**
 * The Gym-Anything (CUA-World) spec format: env.json, tasks/NAME/task.json, vlm_checklist.json,
 * validated_pi.json, and EnvForge's oracle.json beside them. Parsing checks types and values and
 * reports problems with JSON pointers; the documents are kept whole.
 */
public final class GymAnythingFormat {

    public static final String ENV_JSON = "env.json";
    public static final Set<String> DIFFICULTIES = Set.of("easy", "medium", "hard", "very_hard");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GymAnythingFormat() {
    }

    // Environments -------------------------------------------------------------------------------

    public static EnvironmentSpec parseEnvironment(String folderName, ObjectNode doc, Provenance provenance,
            List<Problem> problems) {
        JsonFields f = new JsonFields(ENV_JSON, problems);
        String id = f.string(doc, "", "id", true);
        Optional<String> badId = id == null ? Optional.empty() : EnvironmentId.whyBad(id);
        if (badId.isPresent()) {
            f.error("/id", "not an environment id: " + badId.get() + "; use NAME@VERSION (such as " + EnvironmentId.safeName(folderName)
                    + "@0.1)");
        } else if (id != null && !id.contains("@")) {
            f.warning("/id", "expected NAME@VERSION (such as " + folderName + "@0.1)");
        }
        String version = versionText(doc, f);
        String description = f.string(doc, "", "description", false);
        String base = f.string(doc, "", "base", false);
        OsworldFormat.snapshot(base).ifPresent(s -> SafeNames.check(s, ENV_JSON, "/base", problems)); // a folder on export
        String osType = f.string(doc, "", "os_type", false);
        ObjectNode res = f.object(doc, "", "resources", false);
        Resources resources = res == null ? Resources.none()
                : new Resources(f.number(res, "/resources", "cpu", false), f.number(res, "/resources", "mem_gb", false),
                        f.number(res, "/resources", "gpu", false), f.bool(res, "/resources", "net"));
        Map<String, String> hooks = new LinkedHashMap<>();
        ObjectNode h = f.object(doc, "", "hooks", false);
        if (h != null) {
            h.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    hooks.put(e.getKey(), e.getValue().asText());
                } else if (!e.getValue().isNull()) {
                    f.error("/hooks/" + JsonFields.escape(e.getKey()), "expected a command string, found "
                            + JsonFields.kind(e.getValue()));
                }
            });
        }
        List<String> observation = spaces(doc, "observation", f);
        List<String> action = spaces(doc, "action", f);
        List<String> tags = f.strings(doc, "", "tags");
        f.array(doc, "", "mounts", false, (m, p) -> {
            if (!m.isObject()) {
                f.error(p, "expected an object with source, target and mode");
            }
        });
        String name = folderName;
        String software = softwareName(folderName, tags);
        return new EnvironmentSpec(EnvironmentId.imported(id, folderName), name, version, description, software, null, base,
                osType == null ? "linux" : osType, resources, hooks, observation, action, tags, provenance, doc);
    }

    private static List<String> spaces(ObjectNode doc, String field, JsonFields f) {
        List<String> out = new ArrayList<>();
        f.array(doc, "", field, false, (e, p) -> {
            if (e.isObject() && e.path("type").isTextual()) {
                out.add(e.get("type").asText());
            } else {
                f.error(p, "expected an object with a \"type\"");
            }
        });
        return out;
    }

    private static String versionText(ObjectNode doc, JsonFields f) {
        JsonNode v = doc.get("version");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isNumber()) {
            return v.asText();
        }
        f.error("/version", "expected a version string, found " + JsonFields.kind(v));
        return null;
    }

    /** "libreoffice_calc_env" -> "LibreOffice Calc" style display name for grouping. */
    static String softwareName(String folderName, List<String> tags) {
        String base = folderName.replaceAll("(_env|-env)$", "").replace('_', ' ').replace('-', ' ').strip();
        StringBuilder sb = new StringBuilder();
        for (String w : base.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.length() <= 3 && !w.equals("gnu") ? w.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString().replace("Gnu ", "GNU ").replace("Libreoffice", "LibreOffice");
    }

    // Tasks --------------------------------------------------------------------------------------

    /**
     * Parses a task from its documents (any but task.json may be null). Problems name the files
     * relative to the environment folder ({@code prefix} is "tasks/NAME/").
     */
    public static TaskSpec parseTask(String taskName, String prefix, EnvironmentSpec env, ObjectNode task,
            ObjectNode checklistDoc, ObjectNode piDoc, ObjectNode oracleDoc, List<Problem> problems) {
        JsonFields f = new JsonFields(prefix + TaskSpec.TASK_JSON, problems);
        String id = f.string(task, "", "id", true);
        String envId = f.string(task, "", "env_id", false);
        if (envId != null && env != null && !envId.equals(env.id())) {
            f.warning("/env_id", "names environment " + envId + " but the folder's env.json is " + env.id());
        }
        String version = versionText(task, f);
        String instruction = f.string(task, "", "description", true);
        String difficulty = f.string(task, "", "difficulty", false);
        if (difficulty != null && !DIFFICULTIES.contains(difficulty)) {
            f.warning("/difficulty", "unusual difficulty \"" + difficulty + "\" (expected easy, medium, hard or very_hard)");
        }
        ObjectNode init = f.object(task, "", "init", false);
        Limits limits = new Limits(f.integer(init, "/init", "timeout_sec", false, 1), f.integer(init, "/init", "max_steps", false, 1),
                f.string(init, "/init", "reward_type", false));
        ObjectNode hooks = f.object(task, "", "hooks", false);
        String setup = f.string(hooks, "/hooks", "pre_task", false);
        String export = f.string(hooks, "/hooks", "post_task", false);
        Checker checker = checker(task, f);
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        ObjectNode meta = f.object(task, "", "metadata", false);
        if (meta != null) {
            meta.fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue()));
        }
        Checklist checklist = checklistDoc == null ? null : checklist(checklistDoc, id, prefix, problems);
        if (checklistDoc == null) {
            problems.add(Problem.warning(prefix + TaskSpec.CHECKLIST_JSON, "", "no checklist: the task has no "
                    + TaskSpec.CHECKLIST_JSON + ", so only its program checker can judge it"));
        }
        PrivilegedInfo pi = piDoc == null ? null : privilegedInfo(piDoc, id, prefix, problems);
        List<Action> oracle = oracleDoc == null ? List.of() : oracle(oracleDoc, prefix, problems);
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        docs.put(TaskSpec.TASK_JSON, task);
        if (checklistDoc != null) {
            docs.put(TaskSpec.CHECKLIST_JSON, checklistDoc);
        }
        if (piDoc != null) {
            docs.put(TaskSpec.PI_JSON, piDoc);
        }
        if (oracleDoc != null) {
            docs.put(TaskSpec.ORACLE_JSON, oracleDoc);
        }
        return new TaskSpec(id == null ? taskName : id, taskName, envId != null ? envId : env == null ? null : env.id(), version,
                instruction, difficulty, limits, setup, export, checker, metadata, checklist, pi, oracle, docs);
    }

    private static Checker checker(ObjectNode task, JsonFields f) {
        ObjectNode success = f.object(task, "", "success", true);
        if (success == null) {
            return new Checker.Unknown("none", F.nullNode());
        }
        String mode = f.string(success, "/success", "mode", true);
        JsonNode spec = success.path("spec");
        if ("program".equals(mode)) {
            String program = f.string(spec, "/success/spec", "program", true);
            if (program == null) {
                return new Checker.Unknown(mode, spec);
            }
            int sep = program.indexOf("::");
            if (sep <= 0 || sep + 2 >= program.length()) {
                f.error("/success/spec/program", "expected FILE.py::FUNCTION, found \"" + program + "\"");
                return new Checker.Unknown(mode, spec);
            }
            return new Checker.Program(program.substring(0, sep), program.substring(sep + 2));
        }
        if ("vlm_checklist".equals(mode)) {
            return new Checker.VlmChecklist();
        }
        if ("probes".equals(mode)) {
            List<Checker.Condition> conditions = new ArrayList<>();
            f.array(spec, "/success/spec", "conditions", true, (c, p) -> {
                String probe = f.string(c, p, "probe", true);
                String op = f.string(c, p, "op", true);
                if (probe != null && op != null) {
                    conditions.add(new Checker.Condition(probe, c.path("args"), op, c.path("expected")));
                }
            });
            return new Checker.Probes(conditions);
        }
        if (mode != null) {
            f.warning("/success/mode", "unknown checker mode \"" + mode + "\"; kept as is");
        }
        return new Checker.Unknown(mode == null ? "none" : mode, spec);
    }

    private static Checklist checklist(ObjectNode doc, String taskId, String prefix, List<Problem> problems) {
        JsonFields f = new JsonFields(prefix + TaskSpec.CHECKLIST_JSON, problems);
        String tid = f.string(doc, "", "task_id", false);
        if (tid != null && taskId != null && !tid.equals(taskId)) {
            f.warning("/task_id", "names task " + tid + " but task.json is " + taskId);
        }
        List<Checklist.Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int n = f.array(doc, "", "task_completion", true, (e, p) -> {
            String id = f.string(e, p, "id", true);
            if (id != null && !ids.add(id)) {
                f.error(p + "/id", "duplicate item id \"" + id + "\"");
            }
            Double points = f.number(e, p, "points", true);
            if (points != null && points <= 0) {
                f.error(p + "/points", "points must be positive, was " + points);
            }
            items.add(new Checklist.Item(id, f.string(e, p, "description", true), points == null ? 0 : points,
                    f.string(e, p, "visual_evidence", false)));
        });
        if (n == 0 && doc.has("task_completion")) {
            f.error("/task_completion", "the checklist has no completion items");
        }
        double total = items.stream().mapToDouble(Checklist.Item::points).sum();
        if (!items.isEmpty() && Math.abs(total - 100) > 1e-9) {
            f.warning("/task_completion", String.format(Locale.ROOT, "points add up to %s, not 100", trim(total)));
        }
        List<Checklist.IntegrityItem> integrity = new ArrayList<>();
        f.array(doc, "", "integrity", false, (e, p) -> {
            String id = f.string(e, p, "id", true);
            if (id != null && !ids.add(id)) {
                f.error(p + "/id", "duplicate item id \"" + id + "\"");
            }
            integrity.add(new Checklist.IntegrityItem(id, f.string(e, p, "description", true),
                    f.string(e, p, "visual_evidence", false)));
        });
        return new Checklist(items, integrity, f.string(doc, "", "privileged_info_for_vlm", false));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static PrivilegedInfo privilegedInfo(ObjectNode doc, String taskId, String prefix, List<Problem> problems) {
        JsonFields f = new JsonFields(prefix + TaskSpec.PI_JSON, problems);
        String tid = f.string(doc, "", "task_id", false);
        if (tid != null && taskId != null && !tid.equals(taskId)) {
            f.warning("/task_id", "names task " + tid + " but task.json is " + taskId);
        }
        List<PrivilegedInfo.Item> items = new ArrayList<>();
        f.array(doc, "", "pi_items", true, (e, p) -> {
            String key = f.string(e, p, "key", true);
            String status = f.string(e, p, "status", true);
            PrivilegedInfo.Status st = PrivilegedInfo.Status.UNVERIFIED;
            if (status != null) {
                try {
                    st = PrivilegedInfo.Status.valueOf(status.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    f.error(p + "/status", "expected verified, contradicted or unverified, found \"" + status + "\"");
                }
            }
            if (st == PrivilegedInfo.Status.CONTRADICTED) {
                f.warning(p, "privileged fact \"" + key + "\" is contradicted by its source");
            }
            items.add(new PrivilegedInfo.Item(key, e.path("metadata_value"), e.path("verified_value"),
                    f.string(e, p, "source", false), st));
        });
        return new PrivilegedInfo(items, f.string(doc, "", "privileged_info_summary", false),
                f.string(doc, "", "pi_confidence", false), f.bool(doc, "", "data_is_synthetic"));
    }

    private static List<Action> oracle(ObjectNode doc, String prefix, List<Problem> problems) {
        JsonFields f = new JsonFields(prefix + TaskSpec.ORACLE_JSON, problems);
        List<Action> out = new ArrayList<>();
        f.array(doc, "", "actions", true, (e, p) -> {
            try {
                out.add(GymAnythingActions.fromJson(e));
            } catch (IllegalArgumentException ex) {
                f.error(p, ex.getMessage());
            }
        });
        return out;
    }

    // Writing EnvForge-made specs ----------------------------------------------------------------

    /** The task.json of a spec made by EnvForge (imported specs keep their own document). */
    public static ObjectNode taskJson(TaskSpec t) {
        ObjectNode o = F.objectNode();
        o.put("id", t.id());
        o.put("version", t.version() == null ? "1.0" : t.version());
        o.put("env_id", t.envId());
        o.put("description", t.instruction());
        if (t.difficulty() != null) {
            o.put("difficulty", t.difficulty());
        }
        ObjectNode init = o.putObject("init");
        if (t.limits().timeoutSeconds() != null) {
            init.put("timeout_sec", t.limits().timeoutSeconds());
        }
        if (t.limits().maxSteps() != null) {
            init.put("max_steps", t.limits().maxSteps());
        }
        init.put("reward_type", t.limits().rewardType() == null ? "sparse" : t.limits().rewardType());
        ObjectNode hooks = o.putObject("hooks");
        if (t.setup() != null) {
            hooks.put("pre_task", t.setup());
        }
        if (t.export() != null) {
            hooks.put("post_task", t.export());
        }
        ObjectNode success = o.putObject("success");
        Checker c = t.checker();
        if (c instanceof Checker.Program p) {
            success.put("mode", "program");
            success.putObject("spec").put("program", p.file() + "::" + p.function());
        } else if (c instanceof Checker.Probes p) {
            success.put("mode", "probes");
            ArrayNode arr = success.putObject("spec").putArray("conditions");
            for (Checker.Condition cond : p.conditions()) {
                ObjectNode co = arr.addObject();
                co.put("probe", cond.probe());
                co.set("args", cond.args());
                co.put("op", cond.op());
                co.set("expected", cond.expected());
            }
        } else if (c instanceof Checker.VlmChecklist) {
            success.put("mode", "vlm_checklist");
            success.putObject("spec");
        } else if (c instanceof Checker.Unknown u) {
            success.put("mode", u.mode());
            success.set("spec", u.spec());
        } else if (c instanceof Checker.OsworldEvaluator e) {
            success.put("mode", "osworld");
            success.set("spec", e.evaluator());
        }
        if (!t.metadata().isEmpty()) {
            ObjectNode meta = o.putObject("metadata");
            t.metadata().forEach(meta::set);
        }
        return o;
    }

    public static ObjectNode checklistJson(String taskId, Checklist c) {
        ObjectNode o = F.objectNode();
        o.put("task_id", taskId);
        ArrayNode tc = o.putArray("task_completion");
        for (Checklist.Item i : c.completion()) {
            ObjectNode n = tc.addObject();
            n.put("id", i.id());
            n.put("description", i.description());
            if (i.points() == Math.rint(i.points())) {
                n.put("points", (long) i.points());
            } else {
                n.put("points", i.points());
            }
            n.put("visual_evidence", i.visualEvidence());
        }
        ArrayNode in = o.putArray("integrity");
        for (Checklist.IntegrityItem i : c.integrity()) {
            ObjectNode n = in.addObject();
            n.put("id", i.id());
            n.put("description", i.description());
            n.put("visual_evidence", i.visualEvidence());
        }
        o.put("privileged_info_for_vlm", c.privilegedInfo());
        return o;
    }

    public static ObjectNode privilegedInfoJson(String taskId, PrivilegedInfo pi) {
        ObjectNode o = F.objectNode();
        o.put("task_id", taskId);
        o.putNull("dataset");
        o.putNull("case_id");
        if (pi.dataIsSynthetic() == null) {
            o.putNull("data_is_synthetic");
        } else {
            o.put("data_is_synthetic", pi.dataIsSynthetic());
        }
        ArrayNode items = o.putArray("pi_items");
        for (PrivilegedInfo.Item i : pi.items()) {
            ObjectNode n = items.addObject();
            n.put("key", i.key());
            n.set("metadata_value", i.value());
            n.set("verified_value", i.verifiedValue());
            n.put("source", i.source());
            n.put("status", i.status().name().toLowerCase(Locale.ROOT));
        }
        o.put("privileged_info_summary", pi.summary());
        o.put("pi_confidence", pi.confidence());
        return o;
    }

    public static ObjectNode oracleJson(List<Action> oracle) {
        ObjectNode o = F.objectNode();
        o.set("actions", GymAnythingActions.toJson(oracle));
        return o;
    }
}
