package org.envforge.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envforge.agent.AuditReport;
import org.envforge.agent.EnvironmentDraft;
import org.envforge.agent.TaskAudit;
import org.envforge.json.JsonFiles;
import org.envforge.plugin.TaskDraft;
import org.envforge.spec.EnvironmentId;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.Limits;
import org.envforge.spec.Provenance;
import org.envforge.spec.Resources;
import org.envforge.spec.SpecFile;
import org.envforge.spec.StatusChange;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.gymanything.GymAnythingFormat;
import org.envforge.store.BlobStore;
import org.envforge.store.Environments;

/**
 * Turns a created environment into stored specs in the Gym-Anything layout: env.json; per task
 * task.json (setup hook, probe checker), vlm_checklist.json, validated_pi.json, oracle.json,
 * draft.json (everything needed to run it again), setup_task.sh and the start files under
 * files/. Reads a stored task back into a draft.
 */
public final class DraftSpecs {

    public static final String DRAFT_JSON = "draft.json";
    static final String FILES = "files/";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DraftSpecs() {
    }

    /**
     * Stores the environment and its tasks with their audit status, in one transaction (their files
     * go to the blob store first); returns the environment id.
     */
    public static String store(Environments envs, BlobStore blobs, EnvironmentDraft env, AuditReport audit, long job, String app) {
        String id = envId(env);
        ObjectNode doc = F.objectNode();
        doc.put("id", id);
        doc.put("version", "1");
        doc.put("base", "envforge-local:" + env.plugin());
        doc.put("description", env.product() + " via " + app + " (EnvForge generation job " + job + ")");
        ObjectNode res = doc.putObject("resources");
        res.put("cpu", 1);
        res.put("mem_gb", 2);
        res.put("gpu", 0);
        res.put("net", false);
        ArrayNode obs = doc.putArray("observation");
        ObjectNode screen = obs.addObject();
        screen.put("type", "rgb_screen");
        screen.putArray("resolution").add(1280).add(800);
        ArrayNode act = doc.putArray("action");
        act.addObject().put("type", "mouse");
        act.addObject().put("type", "keyboard");
        ArrayNode mounts = doc.putArray("mounts");
        ObjectNode m = mounts.addObject();
        m.put("source", "environments/" + env.name() + "/tasks");
        m.put("target", "/workspace/tasks");
        m.put("mode", "ro");
        doc.putObject("hooks");
        doc.putArray("tags").add(env.plugin()).add("envforge");
        ObjectNode x = doc.putObject("x_envforge");
        x.put("plugin", env.plugin());
        x.put("product", env.product());
        x.put("job", job);
        EnvironmentSpec spec = new EnvironmentSpec(id, env.name(), "1", doc.get("description").asText(), env.product(), env.plugin(),
                "envforge-local:" + env.plugin(), "linux", new Resources(1.0, 2.0, 0.0, false), Map.of(), List.of("rgb_screen"),
                List.of("mouse", "keyboard"), List.of(env.plugin(), "envforge"),
                new Provenance(Provenance.ENVFORGE, "generation job " + job, null), doc);
        byte[] envJson = JsonFiles.pretty(doc).getBytes(StandardCharsets.UTF_8);
        List<SpecFile> envFiles = List.of(new SpecFile(GymAnythingFormat.ENV_JSON, blobs.put(envJson), envJson.length));
        List<Environments.TaskWrite> tasks = new ArrayList<>();
        for (TaskDraft t : env.tasks()) {
            TaskSpec ts = taskSpec(id, t);
            List<SpecFile> files = new ArrayList<>();
            for (Map.Entry<String, byte[]> f : t.files().entrySet()) {
                files.add(new SpecFile(FILES + f.getKey(), blobs.put(f.getValue()), f.getValue().length));
            }
            byte[] script = setupScript(t).getBytes(StandardCharsets.UTF_8);
            files.add(new SpecFile("setup_task.sh", blobs.put(script), script.length));
            TaskAudit a = audit == null ? null : audit.task(t.name()).orElse(null);
            StatusChange verdict = a == null ? null : new StatusChange(a.passed() ? TaskStatus.AUDIT_PASSED : TaskStatus.AUDIT_FAILED,
                    "auditor:" + audit.auditor(), Instant.now(), a.passed()
                            ? "all audit items pass" + (a.overall() == org.envforge.agent.AuditVerdict.PARTIAL ? " (some partial)" : "")
                            : "failed: " + String.join(", ", a.failures().stream().map(v -> v.item()).toList()));
            tasks.add(new Environments.TaskWrite(ts, files, "creator", "made by generation job " + job, verdict));
        }
        envs.storeEnvironment(spec, envFiles, tasks);
        return id;
    }

    /** The id a generated environment is stored under. */
    static String envId(EnvironmentDraft env) {
        return EnvironmentId.generated(env.name());
    }

    /**
     * Whether the store holds the environment whole: every task, and each task its audit judged
     * past draft (an older EnvForge stored the tasks one by one, and could stop half-way).
     */
    static boolean storedWhole(Environments envs, EnvironmentDraft env, AuditReport audit) {
        Map<String, TaskStatus> stored = envs.taskStatuses(envId(env));
        return env.tasks().stream().allMatch(t -> stored.containsKey(t.name())
                && (stored.get(t.name()) != TaskStatus.DRAFT || audit == null || audit.task(t.name()).isEmpty()));
    }

    static TaskSpec taskSpec(String envId, TaskDraft t) {
        TaskSpec base = new TaskSpec(t.name() + "@1", t.name(), envId, "1.0", t.instruction(), t.difficulty(),
                new Limits((long) t.timeoutSeconds(), (long) t.maxSteps(), "sparse"), "/workspace/tasks/" + t.name() + "/setup_task.sh",
                null, t.checker(), t.metadata(), t.checklist(), t.privilegedInfo(), t.oracle(), Map.of());
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        docs.put(TaskSpec.TASK_JSON, GymAnythingFormat.taskJson(base));
        docs.put(TaskSpec.CHECKLIST_JSON, GymAnythingFormat.checklistJson(base.id(), t.checklist()));
        docs.put(TaskSpec.PI_JSON, GymAnythingFormat.privilegedInfoJson(base.id(), t.privilegedInfo()));
        docs.put(TaskSpec.ORACLE_JSON, GymAnythingFormat.oracleJson(t.oracle()));
        docs.put(DRAFT_JSON, draftJson(t));
        return new TaskSpec(base.id(), base.name(), envId, base.version(), base.instruction(), base.difficulty(), base.limits(),
                base.setup(), base.export(), base.checker(), base.metadata(), base.checklist(), base.privilegedInfo(), base.oracle(), docs);
    }

    /** The draft without its file contents (they are stored as files/PATH). */
    static ObjectNode draftJson(TaskDraft t) {
        TaskDraft light = t.withFiles(Map.of());
        ObjectNode o = (ObjectNode) EngineJson.MAPPER.valueToTree(light);
        ArrayNode paths = o.putArray("file_paths");
        t.files().keySet().stream().sorted().forEach(paths::add);
        return o;
    }

    /** A stored task of a generated environment, as a draft that can run again. */
    public static TaskDraft draft(StoredTask task, BlobStore blobs) {
        ObjectNode d = task.documents().get(DRAFT_JSON);
        if (d == null) {
            throw new IllegalArgumentException(task.summary().ref() + " was not made by EnvForge (it has no " + DRAFT_JSON + ")");
        }
        TaskDraft light = EngineJson.MAPPER.convertValue(d, TaskDraft.class);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (SpecFile f : task.files()) {
            if (f.path().startsWith(FILES)) {
                files.put(f.path().substring(FILES.length()), blobs.read(f.sha256(), "task " + task.summary().ref() + " file " + f.path()));
            }
        }
        return light.withFiles(files);
    }

    /** The Gym-Anything pre_task script: start files into HOME, the setup, the app in the background. */
    static String setupScript(TaskDraft t) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n# Start state of ").append(t.name())
                .append(" (made by EnvForge). Copies the task's files into HOME, runs the setup and starts the app.\n")
                .append("set -euo pipefail\nhere=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n")
                .append("[ -d \"$here/files\" ] && cp -a \"$here/files/.\" \"$HOME/\"\n");
        if (t.setup() != null && !t.setup().isBlank()) {
            sb.append(t.setup().strip()).append('\n');
        }
        sb.append("nohup");
        for (String a : t.launch()) {
            sb.append(' ').append(shellQuote(a));
        }
        sb.append(" >/dev/null 2>&1 &\n");
        return sb.toString();
    }

    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./=:@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
