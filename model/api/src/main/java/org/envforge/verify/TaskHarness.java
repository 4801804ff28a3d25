package org.envforge.verify;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.Session;
import org.envforge.text.Clip;

/** Puts a task's start state into a session, plays its oracle and runs its checker. */
public final class TaskHarness {

    private final SoftwarePlugin plugin;

    public TaskHarness(SoftwarePlugin plugin) {
        this.plugin = plugin;
    }

    /**
     * A setup script failed: the message holds its error output clipped to a reason's size, and
     * {@link #output()} the whole of it.
     */
    public static final class SetupFailed extends SandboxException {
        private static final long serialVersionUID = 1L;
        private final transient String output;

        SetupFailed(String message, String output) {
            super(message);
            this.output = output;
        }

        /** Everything the script wrote to its error output. */
        public String output() {
            return output;
        }
    }

    /**
     * Resets the session, writes the start files, runs the setup script and starts the app (until
     * its window shows). A failed setup script throws {@link SetupFailed}.
     */
    public void prepare(Session session, TaskDraft task) {
        session.reset();
        for (Map.Entry<String, byte[]> f : task.files().entrySet()) {
            session.writeFile(f.getKey(), f.getValue());
        }
        if (task.setup() != null && !task.setup().isBlank()) {
            ExecResult r = session.exec(java.util.List.of("bash", "-euo", "pipefail", "-c", task.setup()));
            if (!r.ok()) {
                throw new SetupFailed(task.name() + ": the setup script " + (r.timedOut() ? "timed out" : "failed (exit "
                        + r.exitCode() + ")") + (r.stderr().isBlank() ? "" : ": " + Clip.text(r.stderr().strip(), Clip.REASON)),
                        r.stderr());
            }
        }
        plugin.start(session, task);
    }

    /** Runs the export script, if any. */
    public void export(Session session, TaskDraft task) {
        if (task.export() != null && !task.export().isBlank()) {
            session.exec(java.util.List.of("bash", "-c", task.export())).orThrow(task.name() + ": the export script");
        }
    }

    public CheckResult check(Session session, TaskDraft task) {
        export(session, task);
        return new ProbeChecker(plugin).check(session, task.checker());
    }

    /** Plays the oracle's actions. */
    public void playOracle(Session session, TaskDraft task) {
        session.actAll(task.oracle());
    }

    /** The text of a file in the session, for messages. */
    public static String text(Session session, String path) {
        return new String(session.readFile(path), StandardCharsets.UTF_8);
    }
}
