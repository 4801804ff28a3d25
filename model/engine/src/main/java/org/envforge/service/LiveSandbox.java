package org.envforge.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.envforge.action.Action;
import org.envforge.plugin.Probe;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.Screenshot;
import org.envforge.runtime.Session;
import org.envforge.runtime.WindowInfo;
import org.envforge.spec.Checker;
import org.envforge.store.Store;
import org.envforge.text.Clip;
import org.envforge.verify.CheckResult;
import org.envforge.verify.TaskHarness;

/**
 * A session with a task prepared in it, that a person (the Sandbox view) or an agent drives:
 * screenshots, actions, windows, probes, the checker, the oracle, reset and stop. Thread-safe:
 * calls are serialised.
 */
public final class LiveSandbox implements AutoCloseable {

    private final SoftwarePlugin plugin;
    private final TaskDraft task;
    private final Session session;
    private final TaskHarness harness;
    private final Supplier<Store> store;

    LiveSandbox(SoftwarePlugin plugin, TaskDraft task, Session session, Supplier<Store> store) {
        this.plugin = plugin;
        this.task = task;
        this.session = session;
        this.harness = new TaskHarness(plugin);
        this.store = store;
    }

    synchronized void prepare() {
        harness.prepare(session, task);
    }

    public TaskDraft task() {
        return task;
    }

    public SoftwarePlugin plugin() {
        return plugin;
    }

    public String sessionId() {
        return session.id();
    }

    public int width() {
        return session.width();
    }

    public int height() {
        return session.height();
    }

    public synchronized Screenshot screenshot() {
        return session.screenshot();
    }

    /** The screen's pixels (0xRRGGBB), cheaper than a PNG for live views. */
    public int[] pixels() {
        return session.pixels();
    }

    public synchronized void act(Action a) {
        session.act(a);
    }

    /** The top-level windows on the screen now. */
    public synchronized List<Window> windows() {
        return session.windows().stream().map(Window::of).toList();
    }

    /** A top-level window as the Sandbox view lists it (the service's value: views use no runtime types). */
    public record Window(String id, String title, String appClass, int x, int y, int width, int height) {

        static Window of(WindowInfo w) {
            return new Window(w.id(), w.title(), w.appClass(), w.x(), w.y(), w.width(), w.height());
        }
    }

    /** The value of each of the checker's probes now. */
    public synchronized List<ProbeReading> readProbes() {
        List<ProbeReading> out = new ArrayList<>();
        for (Checker.Condition c : task.checker().conditions()) {
            Probe p = plugin.probe(c.probe()).orElseThrow();
            String v;
            try {
                v = p.read(session, c.args());
            } catch (RuntimeException e) {
                v = "(failed: " + e.getMessage() + ")";
            }
            out.add(new ProbeReading(c.probe(), c.args().toString(), v));
        }
        return out;
    }

    /** One probe's current value, clipped to {@link Clip#REASON} (a probe may read a file of megabytes). */
    public record ProbeReading(String probe, String args, String value) {

        public ProbeReading {
            value = Clip.text(value, Clip.REASON);
        }
    }

    public synchronized CheckResult check() {
        return harness.check(session, task);
    }

    /** Plays the oracle, reporting each action. */
    public void playOracle(java.util.function.IntConsumer progress) {
        for (int i = 0; i < task.oracle().size(); i++) {
            synchronized (this) {
                session.act(task.oracle().get(i));
            }
            progress.accept(i + 1);
        }
    }

    /** Puts the start state back. */
    public synchronized void reset() {
        harness.prepare(session, task);
    }

    /** Stores the current screenshot in the blob store; returns its SHA-256. */
    public synchronized String keepScreenshot() {
        return store.get().blobs().put(session.screenshot().png());
    }

    @Override
    public synchronized void close() {
        session.close();
    }
}
