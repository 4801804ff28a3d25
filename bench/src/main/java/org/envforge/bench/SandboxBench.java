package org.envforge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.envforge.action.Action;
import org.envforge.catalog.CatalogLoader;
import org.envforge.catalog.CatalogSeedData;
import org.envforge.catalog.GdpSource;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TemplateContext;
import org.envforge.progress.ProgressListener;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.runtime.local.LocalRuntime;
import org.envforge.spec.EnvironmentId;
import org.envforge.verify.TaskHarness;

/**
 * Sandbox speed on the local runtime: boot-to-ready per plugin, screenshot and action latency, and
 * verified tasks per minute with 1 and 2 sessions in parallel.
 */
final class SandboxBench {

    private SandboxBench() {
    }

    static List<Measure.Result> run(int runs) throws Exception {
        Path dir = Files.createTempDirectory("envforge-sandbox-bench");
        LocalRuntime rt = new LocalRuntime(dir.resolve("sessions"), List.of(dir), false);
        if (!rt.missing().isEmpty()) {
            throw new IllegalStateException("sandbox tools missing: " + rt.missing());
        }
        SeedData seed = new CatalogSeedData(new CatalogLoader(GdpSource.shipped()).load(ProgressListener.NONE));
        PluginRegistry plugins = PluginRegistry.discover(SandboxBench.class.getClassLoader());
        List<Measure.Result> out = new ArrayList<>();
        out.add(Measure.time("session boot (Xvfb ready)", 1, runs, () -> {
            Session s = rt.start(SessionRequest.defaults("boot"));
            s.close();
            return s;
        }, "1280x800"));
        for (SoftwarePlugin p : plugins.plugins()) {
            if (p.templates().isEmpty()) {
                continue;
            }
            TaskDraft d = p.templates().get(0).generate(new TemplateContext(1, seed, EnvironmentId.scratch(p.id())));
            TaskHarness h = new TaskHarness(p);
            try (Session s = rt.start(SessionRequest.defaults(p.id()))) {
                out.add(Measure.time("app ready: " + p.id() + " (" + d.template() + ")", 1, runs, () -> {
                    h.prepare(s, d);
                    return d;
                }, "setup + launch to window"));
            }
        }
        SoftwarePlugin xterm = plugins.byId("xterm").orElseThrow();
        TaskDraft d = xterm.templates().get(0).generate(new TemplateContext(1, seed, EnvironmentId.scratch("xterm")));
        try (Session s = rt.start(SessionRequest.defaults("latency"))) {
            new TaskHarness(xterm).prepare(s, d);
            out.add(Measure.time("screenshot: framebuffer pixels", 10, runs * 10, s::pixels, "mmap copy, 1280x800"));
            out.add(Measure.time("screenshot: PNG", 5, runs * 10, () -> s.screenshot().png(), "pixels + PNG encode"));
            int[] i = {0};
            out.add(Measure.time("action: mouse move", 5, runs * 10, () -> {
                s.act(new Action.MoveTo(100 + (i[0]++ % 400), 200));
                return i;
            }, "one xdotool process"));
            out.add(Measure.time("action: key", 3, runs * 5, () -> {
                s.act(Action.Key.of("shift"));
                return i;
            }, "xdotool key"));
            out.add(Measure.time("window list", 3, runs * 5, s::windows, "xwininfo + xdotool"));
        }
        return out;
    }

    /** Verified tasks per minute (prepare, check, oracle, check) with the given number of sessions. */
    static double throughput(int sessions, int tasksPerSession) throws Exception {
        Path dir = Files.createTempDirectory("envforge-sandbox-tp");
        LocalRuntime rt = new LocalRuntime(dir.resolve("sessions"), List.of(dir), false);
        SeedData seed = new CatalogSeedData(new CatalogLoader(GdpSource.shipped()).load(ProgressListener.NONE));
        SoftwarePlugin xterm = PluginRegistry.discover(SandboxBench.class.getClassLoader()).byId("xterm").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        long t0 = System.nanoTime();
        List<Future<Integer>> fs = new ArrayList<>();
        for (int w = 0; w < sessions; w++) {
            int worker = w;
            fs.add(pool.submit(() -> {
                int ok = 0;
                TaskHarness h = new TaskHarness(xterm);
                try (Session s = rt.start(SessionRequest.defaults("tp" + worker))) {
                    for (int k = 0; k < tasksPerSession; k++) {
                        var t = xterm.templates().get(k % xterm.templates().size());
                        TaskDraft d = t.generate(new TemplateContext(worker * 1000L + k, seed, EnvironmentId.scratch("xterm")));
                        h.prepare(s, d);
                        boolean before = h.check(s, d).passed();
                        h.playOracle(s, d);
                        boolean after = h.check(s, d).passed();
                        long end = System.nanoTime() + 3_000_000_000L;
                        while (!after && System.nanoTime() < end) {
                            Thread.sleep(100);
                            after = h.check(s, d).passed();
                        }
                        if (!before && after) {
                            ok++;
                        }
                    }
                }
                return ok;
            }));
        }
        int ok = 0;
        for (Future<Integer> f : fs) {
            ok += f.get();
        }
        pool.shutdown();
        double minutes = (System.nanoTime() - t0) / 6e10;
        if (ok != sessions * tasksPerSession) {
            System.err.println("warning: " + (sessions * tasksPerSession - ok) + " tasks did not verify");
        }
        return ok / minutes;
    }

    static void printThroughput() throws Exception {
        double one = throughput(1, 8);
        double two = throughput(2, 8);
        System.out.println();
        System.out.println("Verified xterm tasks per minute (prepare, check, oracle, check):");
        System.out.printf(Locale.ROOT, "  1 session   %6.1f tasks/min%n  2 sessions  %6.1f tasks/min  (x%.2f)%n", one, two, two / one);
    }
}
