package org.envforge.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.spec.EnvironmentId;
import org.envforge.store.Store;
import org.envforge.verify.CheckResult;
import org.envforge.verify.TaskHarness;

/** Sandboxes as the GUI and the CLI use them: run a template's task, or open a live session on it. */
public final class SandboxService {

    private final Supplier<SandboxRuntime> runtime;
    private final PluginRegistry plugins;
    private final Supplier<SeedData> seed;
    private final Supplier<Store> store;

    public SandboxService(Supplier<SandboxRuntime> runtime, PluginRegistry plugins, Supplier<SeedData> seed, Supplier<Store> store) {
        this.runtime = runtime;
        this.plugins = plugins;
        this.seed = seed;
        this.store = store;
    }

    /** A plugin's template, for lists. */
    public record TemplateRef(String plugin, String template, String title) {
    }

    public List<TemplateRef> templates() {
        List<TemplateRef> out = new ArrayList<>();
        for (SoftwarePlugin p : plugins.plugins()) {
            for (TaskTemplate t : p.templates()) {
                out.add(new TemplateRef(p.id(), t.id(), t.title()));
            }
        }
        return out;
    }

    public SoftwarePlugin plugin(String id) {
        return plugins.byId(id).orElseThrow(() -> new IllegalArgumentException("no plugin \"" + id + "\" (installed: "
                + String.join(", ", plugins.plugins().stream().map(SoftwarePlugin::id).toList()) + ")"));
    }

    public TaskDraft draft(String pluginId, String templateId, long seedValue) {
        SoftwarePlugin p = plugin(pluginId);
        TaskTemplate t = p.template(templateId).orElseThrow(() -> new IllegalArgumentException("plugin " + pluginId
                + " has no template \"" + templateId + "\" (it has: " + String.join(", ", p.templates().stream()
                        .map(TaskTemplate::id).toList()) + ")"));
        return t.generate(new TemplateContext(seedValue, seed.get(), EnvironmentId.scratch(pluginId)));
    }

    /** Starts a bare session for a plugin's app (the caller prepares the task and closes it). */
    public Session start(String pluginId) {
        plugin(pluginId);
        return runtime.get().start(SessionRequest.defaults(pluginId));
    }

    /** What the runtime lacks to start sessions (empty when it can). */
    public List<String> missing() {
        return runtime.get().missing();
    }

    public String runtimeId() {
        return runtime.get().id();
    }

    /**
     * Boots a session, prepares the task, checks the start state, plays the oracle, checks again,
     * and stores the start and end screenshots.
     */
    public SandboxRun run(String pluginId, String templateId, long seedValue, Consumer<SandboxEvent> events) {
        SoftwarePlugin p = plugin(pluginId);
        TaskDraft d = draft(pluginId, templateId, seedValue);
        TaskHarness harness = new TaskHarness(p);
        long t0 = System.nanoTime();
        try (Session s = runtime.get().start(SessionRequest.defaults(pluginId))) {
            long boot = ms(t0);
            events.accept(new SandboxEvent.Step("booted " + runtime.get().id() + " session " + s.id(), boot));
            long t1 = System.nanoTime();
            harness.prepare(s, d);
            long prepare = ms(t1);
            events.accept(new SandboxEvent.Step("prepared " + d.name() + " (app ready)", prepare));
            String startShot = shot(s, "start", events);
            CheckResult atStart = harness.check(s, d);
            events.accept(new SandboxEvent.Checked("start", atStart));
            long t2 = System.nanoTime();
            for (int i = 0; i < d.oracle().size(); i++) {
                s.act(d.oracle().get(i));
                events.accept(new SandboxEvent.Acted(i + 1, d.oracle().size(), d.oracle().get(i)));
            }
            CheckResult atEnd = harness.check(s, d);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!atEnd.passed() && System.nanoTime() < deadline) {
                sleep(200);
                atEnd = harness.check(s, d);
            }
            long oracle = ms(t2);
            events.accept(new SandboxEvent.Step("played the oracle (" + d.oracle().size() + " actions)", oracle));
            events.accept(new SandboxEvent.Checked("end", atEnd));
            String endShot = shot(s, "end", events);
            return new SandboxRun(pluginId, d, atStart, atEnd, startShot, endShot, boot, prepare, oracle, runtime.get().id());
        }
    }

    /** Opens a live session with the task prepared, for a person or an agent to drive. */
    public LiveSandbox open(String pluginId, String templateId, long seedValue) {
        SoftwarePlugin p = plugin(pluginId);
        TaskDraft d = draft(pluginId, templateId, seedValue);
        Session s = runtime.get().start(SessionRequest.defaults(pluginId));
        try {
            LiveSandbox live = new LiveSandbox(p, d, s, store);
            live.prepare();
            return live;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private String shot(Session s, String label, Consumer<SandboxEvent> events) {
        String sha = store.get().blobs().put(s.screenshot().png());
        events.accept(new SandboxEvent.Shot(label, sha));
        return sha;
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
