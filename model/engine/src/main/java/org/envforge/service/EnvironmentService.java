package org.envforge.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.EnvironmentSummary;
import org.envforge.spec.Problem;
import org.envforge.spec.SpecFile;
import org.envforge.spec.StoredEnvironment;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.spec.gymanything.GymAnythingFormat;
import org.envforge.spec.osworld.OsworldFormat;
import org.envforge.store.Environments;
import org.envforge.store.Store;

/**
 * Stored environments and tasks as the GUI and the CLI use them: list, show, re-read their specs,
 * and curators' status changes. Import and export are {@link EnvironmentImport} and
 * {@link EnvironmentExport}.
 */
public final class EnvironmentService {

    private final Supplier<Store> store;

    public EnvironmentService(Supplier<Store> store) {
        this.store = store;
    }

    private Environments envs() {
        return new Environments(store.get());
    }

    // Reads --------------------------------------------------------------------------------------

    public List<EnvironmentSummary> environments() {
        return envs().environments();
    }

    public List<TaskSummary> tasks(TaskFilter filter) {
        return envs().tasks(filter);
    }

    public Optional<StoredEnvironment> environment(String id) {
        return envs().environment(id);
    }

    public Optional<StoredTask> task(String ref) {
        return envs().findTask(ref).flatMap(k -> envs().task(k));
    }

    public Optional<StoredTask> task(long key) {
        return envs().task(key);
    }

    /** Re-reads a stored environment's spec (and its problems) from its document. */
    public static EnvironmentSpec spec(StoredEnvironment env, List<Problem> problems) {
        EnvironmentSpec parsed = GymAnythingFormat.parseEnvironment(env.summary().name(), env.document(), env.provenance(),
                problems);
        return new EnvironmentSpec(parsed.id(), parsed.name(), parsed.version(), parsed.description(), env.summary().software(),
                env.summary().plugin(), parsed.base(), parsed.osType(), parsed.resources(), parsed.hooks(), parsed.observation(),
                parsed.action(), parsed.tags(), env.provenance(), env.document());
    }

    /** Re-reads a stored task's spec from its documents; problems are re-found on the way. */
    public static TaskSpec spec(StoredTask task, EnvironmentSpec env, List<Problem> problems) {
        Map<String, ObjectNode> d = task.documents();
        if (d.containsKey(TaskSpec.OSWORLD_JSON)) {
            return OsworldFormat.parseTask(d.get(TaskSpec.OSWORLD_JSON), TaskSpec.OSWORLD_JSON, task.summary().envId(), problems);
        }
        String prefix = "tasks/" + task.summary().name() + "/";
        return GymAnythingFormat.parseTask(task.summary().name(), prefix, env, d.get(TaskSpec.TASK_JSON),
                d.get(TaskSpec.CHECKLIST_JSON), d.get(TaskSpec.PI_JSON), d.get(TaskSpec.ORACLE_JSON), problems);
    }

    /** The text of a stored file, or empty when it is binary or larger than {@code maxBytes}. */
    public Optional<String> fileText(SpecFile file, int maxBytes) {
        if (file.size() > maxBytes) {
            return Optional.empty();
        }
        return store.get().blobs().get(file.sha256()).flatMap(bytes -> {
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    // Status -------------------------------------------------------------------------------------

    public void setStatus(String taskRef, TaskStatus status, String actor, String reason) {
        long key = envs().findTask(taskRef).orElseThrow(() -> new IllegalArgumentException("no task " + taskRef));
        envs().setStatus(key, status, actor, reason);
    }

    /** The outcome of a curator's decision on one task. */
    public record Decision(String task, TaskStatus from, TaskStatus to, String note) {
    }

    /**
     * Approves or rejects tasks, named one by one (ENV_ID/TASK) or by environment id (all its
     * tasks). Approval needs a passed audit unless {@code override}; rejection needs a reason.
     */
    public List<Decision> decide(List<String> ids, boolean approve, String actor, String reason, boolean override) {
        if (!approve && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection needs a reason (--reason)");
        }
        List<Long> keys = new ArrayList<>();
        for (String id : ids) {
            Optional<StoredEnvironment> env = envs().environment(id);
            if (env.isPresent()) {
                keys.addAll(envs().taskKeys(id));
            } else {
                keys.add(envs().findTask(id).orElseThrow(() -> new IllegalArgumentException("no environment or task \"" + id + "\"")));
            }
        }
        List<Decision> out = new ArrayList<>();
        for (long k : keys) {
            StoredTask t = envs().task(k).orElseThrow();
            TaskStatus from = t.summary().status();
            if (approve && from != TaskStatus.AUDIT_PASSED && from != TaskStatus.APPROVED && !override) {
                out.add(new Decision(t.summary().ref(), from, from, "not approved: its audit has not passed (" + from.label()
                        + "); --override approves it anyway"));
                continue;
            }
            TaskStatus to = approve ? TaskStatus.APPROVED : TaskStatus.REJECTED;
            envs().setStatus(k, to, actor, reason == null || reason.isBlank() ? (approve ? "approved" : null) : reason);
            out.add(new Decision(t.summary().ref(), from, to, approve ? "approved" : "rejected: " + reason));
        }
        return out;
    }
}
