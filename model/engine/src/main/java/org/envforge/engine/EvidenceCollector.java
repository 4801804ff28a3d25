package org.envforge.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.envforge.action.Action;
import org.envforge.agent.TaskEvidence;
import org.envforge.plugin.Probe;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.Screenshot;
import org.envforge.runtime.Session;
import org.envforge.runtime.WindowInfo;
import org.envforge.spec.Checker;
import org.envforge.store.BlobStore;
import org.envforge.verify.CheckResult;
import org.envforge.verify.Ocr;
import org.envforge.verify.TaskHarness;

/**
 * Runs a task in a session and records what happened: the start screen (with OCR of the app
 * window), the windows, the probes and the checker before and after the oracle, and failures.
 * Never throws for a task's own faults: they become evidence (clipped, see {@link TaskEvidence};
 * a failed setup script's whole output goes to the blob store).
 */
public final class EvidenceCollector {

    /** Live happenings, for the engine's events. */
    public interface Listener {
        void screenshot(String task, String label, String sha256);

        void action(String task, int index, int total, Action action);

        Listener NONE = new Listener() {
            @Override
            public void screenshot(String task, String label, String sha256) {
            }

            @Override
            public void action(String task, int index, int total, Action action) {
            }
        };
    }

    /** How long a task's oracle may take in all (each action's own waits are bounded by the session). */
    static final java.time.Duration ORACLE_LIMIT = java.time.Duration.ofMinutes(5);

    private final BlobStore blobs;
    private final boolean ocr;

    public EvidenceCollector(BlobStore blobs, boolean ocr) {
        this.blobs = blobs;
        this.ocr = ocr && Ocr.available();
    }

    public TaskEvidence collect(Session s, SoftwarePlugin plugin, TaskDraft task, Listener listener) {
        long t0 = System.nanoTime();
        TaskHarness harness = new TaskHarness(plugin);
        try {
            harness.prepare(s, task);
        } catch (RuntimeException e) {
            String shot = safeShot(s, task.name(), "start", listener);
            // The reason is clipped; the setup script's whole output stays in the blob store.
            String output = e instanceof TaskHarness.SetupFailed f && !f.output().isEmpty()
                    ? blobs.put(f.output().getBytes(StandardCharsets.UTF_8)) : null;
            return new TaskEvidence(task.name(), e.getMessage() == null ? e.toString() : e.getMessage(), shot, null,
                    safeWindows(s), null, List.of(), List.of(), null, null, "", null, ms(t0), output);
        }
        List<WindowInfo> windows = safeWindows(s);
        WindowInfo app = appWindow(windows, task.windowTitle());
        Screenshot start = s.screenshot();
        String startShot = blobs.put(start.png());
        listener.screenshot(task.name(), "start", startShot);
        String text = ocr && app != null ? Ocr.read(s.pixels(), start.width(), start.height(), app) : "";
        List<TaskEvidence.ProbeReading> before = read(s, plugin, task.checker());
        CheckResult atStart = safeCheck(harness, s, task);
        String oracleError = null;
        long oracleEnd = System.nanoTime() + ORACLE_LIMIT.toNanos();
        for (int i = 0; i < task.oracle().size(); i++) {
            Action a = task.oracle().get(i);
            if (System.nanoTime() > oracleEnd) {
                oracleError = "the oracle ran past its " + ORACLE_LIMIT.toMinutes() + "-minute limit after " + i + " of "
                        + task.oracle().size() + " actions";
                break;
            }
            try {
                s.act(a);
            } catch (RuntimeException e) {
                oracleError = "oracle action " + (i + 1) + " failed: " + e.getMessage();
                break;
            }
            listener.action(task.name(), i + 1, task.oracle().size(), a);
        }
        CheckResult atEnd = safeCheck(harness, s, task);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (oracleError == null && !atEnd.passed() && System.nanoTime() < deadline) {
            sleep(200);
            atEnd = safeCheck(harness, s, task);
        }
        List<TaskEvidence.ProbeReading> after = read(s, plugin, task.checker());
        String endShot = safeShot(s, task.name(), "end", listener);
        return new TaskEvidence(task.name(), null, startShot, endShot, windows, app, before, after, atStart, atEnd, text, oracleError,
                ms(t0), null);
    }

    /** The window matching the task's title pattern, else the largest window, else null. */
    static WindowInfo appWindow(List<WindowInfo> windows, String title) {
        if (title != null && !title.isBlank()) {
            // A bad or too slow pattern matches no window: the largest one is taken.
            org.envforge.text.Regexes.Untrusted p = org.envforge.text.Regexes.untrusted(title, 0);
            for (WindowInfo w : windows) {
                if (p.find(w.title())) {
                    return w;
                }
            }
        }
        return windows.stream().max((a, b) -> Integer.compare(a.width() * a.height(), b.width() * b.height())).orElse(null);
    }

    private static List<TaskEvidence.ProbeReading> read(Session s, SoftwarePlugin plugin, Checker.Probes checker) {
        List<TaskEvidence.ProbeReading> out = new ArrayList<>();
        for (Checker.Condition c : checker.conditions()) {
            String v;
            try {
                Probe p = plugin.probe(c.probe()).orElseThrow(() -> new IllegalArgumentException("no probe " + c.probe()));
                v = p.read(s, c.args());
            } catch (RuntimeException e) {
                v = "(probe failed: " + e.getMessage() + ")";
            }
            out.add(new TaskEvidence.ProbeReading(c.probe(), String.valueOf(c.args()), v));
        }
        return out;
    }

    private static CheckResult safeCheck(TaskHarness h, Session s, TaskDraft t) {
        try {
            return h.check(s, t);
        } catch (RuntimeException e) {
            return new CheckResult(false, List.of(new CheckResult.ConditionResult(
                    t.checker().conditions().isEmpty() ? null : t.checker().conditions().get(0), "", false,
                    "the checker could not run: " + e.getMessage())));
        }
    }

    private String safeShot(Session s, String task, String label, Listener listener) {
        try {
            String sha = blobs.put(s.screenshot().png());
            listener.screenshot(task, label, sha);
            return sha;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<WindowInfo> safeWindows(Session s) {
        try {
            return s.windows();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
