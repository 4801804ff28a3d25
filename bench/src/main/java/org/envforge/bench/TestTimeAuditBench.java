package org.envforge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.envforge.action.Action;
import org.envforge.agent.rules.RuleTestTimeAuditor;
import org.envforge.catalog.CatalogLoader;
import org.envforge.catalog.CatalogSeedData;
import org.envforge.catalog.GdpSource;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.progress.ProgressListener;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.runtime.local.LocalRuntime;
import org.envforge.spec.EnvironmentId;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.audit.FinalState;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.trajectory.record.OracleAgent;
import org.envforge.trajectory.record.RecordOptions;
import org.envforge.trajectory.record.Recorder;

/**
 * The test-time audit on real sandboxes: for every plugin template, a complete oracle trajectory
 * and one cut short before its last state-changing action (its "done" is premature). Precision and
 * recall of "premature" flags, live (checker and probes in the sandbox) and from the final
 * screenshot alone (OCR).
 */
final class TestTimeAuditBench {

    private TestTimeAuditBench() {
    }

    /** One recorded case: truth, and the two audits' flags. */
    record Case(String task, boolean truncated, boolean liveFlag, TestTimeAudit.Solved screen) {
    }

    static List<Case> run(int workers) throws Exception {
        Path dir = Files.createTempDirectory("envforge-tta-bench");
        LocalRuntime rt = new LocalRuntime(dir.resolve("sessions"), List.of(dir), false);
        SeedData data = new CatalogSeedData(new CatalogLoader(GdpSource.shipped()).load(ProgressListener.NONE));
        PluginRegistry plugins = PluginRegistry.discover(TestTimeAuditBench.class.getClassLoader());
        List<Case> out = new ArrayList<>();
        try (Store store = Store.open(dir.resolve("data"))) {
            Trajectories ts = new Trajectories(store);
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<List<Case>>> fs = new ArrayList<>();
            for (SoftwarePlugin p : plugins.plugins()) {
                for (TaskTemplate t : p.templates()) {
                    fs.add(pool.submit(() -> {
                        TaskDraft d = t.generate(new TemplateContext(7, data, EnvironmentId.scratch(p.id())));
                        List<Case> cases = new ArrayList<>();
                        int cut = cutPoint(d.oracle(), new Random(d.name().hashCode()));
                        for (boolean truncated : new boolean[] {false, true}) {
                            OracleAgent agent = truncated ? new OracleAgent(d.oracle(), cut) : new OracleAgent(d.oracle());
                            Trajectory tr;
                            Session keep;
                            try (Session s = rt.start(SessionRequest.defaults("tta-" + p.id()))) {
                                tr = new Recorder(ts, store.blobs(), new RuleTestTimeAuditor(1_000)).record(s, p, d,
                                        "template:" + p.id() + "/" + t.id() + "/7", agent, new RecordOptions(200, true, 0), e -> { });
                            }
                            TestTimeAudit live = org.envforge.engine.EngineJson.read(tr.testTimeAudit(), TestTimeAudit[].class)[0];
                            List<Step> steps = ts.steps(tr.id());
                            byte[] fin = store.blobs().get(steps.get(steps.size() - 1).afterShot()).orElseThrow();
                            TestTimeAudit screen = new RuleTestTimeAuditor().audit(new FinalState(d.instruction(), d, null, null, fin,
                                    List.of()));
                            cases.add(new Case(p.id() + "/" + t.id(), truncated, live.premature(), screen.solved()));
                        }
                        System.err.printf("  recorded %s/%s (cut at %d of %d)%n", p.id(), t.id(), cut, d.oracle().size());
                        return cases;
                    }));
                }
            }
            for (Future<List<Case>> f : fs) {
                out.addAll(f.get());
            }
            pool.shutdown();
        }
        return out;
    }

    /** Stops before a state-changing action at or after the first one, so something the task needs is left undone. */
    static int cutPoint(List<Action> oracle, Random r) {
        List<Integer> changes = new ArrayList<>();
        for (int i = 0; i < oracle.size(); i++) {
            Action a = oracle.get(i);
            if (!(a instanceof Action.Wait || a instanceof Action.WaitForWindow || a instanceof Action.MoveTo)) {
                changes.add(i);
            }
        }
        return changes.isEmpty() ? 0 : changes.get(r.nextInt(changes.size()));
    }

    static void print(List<Case> cases) {
        System.out.println();
        System.out.println("Test-time audit of \"done\" (real sandboxes; a complete and a truncated oracle run per template):");
        System.out.printf(Locale.ROOT, "%-34s %6s %6s %6s %6s %10s %8s %9s%n", "auditor", "TP", "FP", "FN", "TN", "precision", "recall",
                "undecided");
        row("live (checker + probes)", cases, c -> c.liveFlag(), c -> false);
        row("final screenshot only (OCR)", cases, c -> c.screen() == TestTimeAudit.Solved.NOT_SOLVED
                || c.screen() == TestTimeAudit.Solved.PARTIAL, c -> c.screen() == TestTimeAudit.Solved.UNKNOWN);
        cases.stream().filter(c -> c.truncated() != c.liveFlag()).forEach(c -> System.out.println("  live audit wrong on "
                + c.task() + (c.truncated() ? " (truncated)" : " (complete)")));
    }

    private static void row(String name, List<Case> cases, java.util.function.Predicate<Case> flag,
            java.util.function.Predicate<Case> undecided) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        int und = 0;
        for (Case c : cases) {
            if (undecided.test(c)) {
                und++;
                continue;
            }
            boolean f = flag.test(c);
            if (c.truncated()) {
                tp += f ? 1 : 0;
                fn += f ? 0 : 1;
            } else {
                fp += f ? 1 : 0;
                tn += f ? 0 : 1;
            }
        }
        System.out.printf(Locale.ROOT, "%-34s %6d %6d %6d %6d %9.1f%% %7.1f%% %9d%n", name, tp, fp, fn, tn,
                100.0 * tp / Math.max(1, tp + fp), 100.0 * tp / Math.max(1, tp + fn), und);
    }
}
