package org.envforge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.envforge.agent.AuditInput;
import org.envforge.agent.Defect;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.agent.recipe.FaultInjector;
import org.envforge.agent.rules.RuleAuditor;
import org.envforge.catalog.CatalogLoader;
import org.envforge.catalog.CatalogSeedData;
import org.envforge.catalog.GdpSource;
import org.envforge.engine.EvidenceCollector;
import org.envforge.engine.SandboxSolvedState;
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

/**
 * Measures the rule auditor with fault injection on real sandboxes: for every plugin template, a
 * clean task and one task per known defect; recall per defect kind and the false-alarm rate on
 * clean tasks.
 */
final class AuditBench {

    private AuditBench() {
    }

    /** One audited case. */
    record Case(String plugin, String template, Defect defect, boolean flagged, List<String> failedItems) {
    }

    static List<Case> run(int seeds, int workers) throws Exception {
        Path dir = Files.createTempDirectory("envforge-audit-bench");
        LocalRuntime rt = new LocalRuntime(dir.resolve("sessions"), List.of(dir), false);
        SeedData data = new CatalogSeedData(new CatalogLoader(GdpSource.shipped()).load(ProgressListener.NONE));
        PluginRegistry plugins = PluginRegistry.discover(AuditBench.class.getClassLoader());
        FaultInjector faults = new FaultInjector(new SandboxSolvedState(() -> rt));
        List<Case> out = new ArrayList<>();
        try (Store store = Store.open(dir.resolve("data"))) {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<List<Case>>> fs = new ArrayList<>();
            for (SoftwarePlugin p : plugins.plugins()) {
                for (TaskTemplate t : p.templates()) {
                    fs.add(pool.submit(() -> {
                        List<Case> cases = new ArrayList<>();
                        EvidenceCollector collector = new EvidenceCollector(store.blobs(), true);
                        try (Session s = rt.start(SessionRequest.defaults("audit-" + p.id()))) {
                            for (int seed = 1; seed <= seeds; seed++) {
                                TaskDraft clean = t.generate(new TemplateContext(seed * 101L, data, EnvironmentId.scratch(p.id())));
                                cases.add(audit(collector, s, p, clean, null, store));
                                for (Defect d : Defect.values()) {
                                    cases.add(audit(collector, s, p, faults.inject(d, p, clean), d, store));
                                }
                            }
                        }
                        System.err.printf("  audited %s/%s%n", p.id(), t.id());
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

    private static Case audit(EvidenceCollector c, Session s, SoftwarePlugin p, TaskDraft d, Defect defect, Store store) {
        TaskEvidence ev = c.collect(s, p, d, EvidenceCollector.Listener.NONE);
        TaskAudit a = new RuleAuditor().audit(new AuditInput(p.id(), p.descriptor().displayName(),
                List.of(new AuditInput.TaskUnderAudit(d, ev)), sha -> store.blobs().get(sha).orElse(new byte[0]))).tasks().get(0);
        return new Case(p.id(), d.template(), defect, !a.passed(), a.failures().stream().map(ItemVerdict::item).toList());
    }

    static void print(List<Case> cases) {
        System.out.println();
        System.out.println("Rule auditor under fault injection (real sandboxes; every template of every plugin):");
        System.out.printf(Locale.ROOT, "%-26s %8s %8s %8s%n", "defect", "cases", "flagged", "recall");
        Map<Defect, int[]> by = new EnumMap<>(Defect.class);
        for (Case c : cases) {
            if (c.defect() != null) {
                int[] n = by.computeIfAbsent(c.defect(), k -> new int[2]);
                n[0]++;
                n[1] += c.flagged() ? 1 : 0;
            }
        }
        int total = 0;
        int flagged = 0;
        for (Map.Entry<Defect, int[]> e : by.entrySet()) {
            total += e.getValue()[0];
            flagged += e.getValue()[1];
            System.out.printf(Locale.ROOT, "%-26s %8d %8d %7.1f%%%n", e.getKey().label(), e.getValue()[0], e.getValue()[1],
                    100.0 * e.getValue()[1] / e.getValue()[0]);
        }
        System.out.printf(Locale.ROOT, "%-26s %8d %8d %7.1f%%%n", "all defects", total, flagged, 100.0 * flagged / Math.max(1, total));
        List<Case> clean = cases.stream().filter(c -> c.defect() == null).toList();
        long alarms = clean.stream().filter(Case::flagged).count();
        System.out.printf(Locale.ROOT, "%-26s %8d %8d %7.1f%%  (false-alarm rate)%n", "clean tasks", clean.size(), alarms,
                100.0 * alarms / Math.max(1, clean.size()));
        Map<String, Integer> why = new TreeMap<>();
        clean.stream().filter(Case::flagged).forEach(c -> c.failedItems().forEach(i -> why.merge(c.plugin() + "/" + c.template() + ": "
                + i, 1, Integer::sum)));
        why.forEach((k, v) -> System.out.println("  false alarm: " + k + " x" + v));
        cases.stream().filter(c -> c.defect() != null && !c.flagged()).forEach(c -> System.out.println("  missed: " + c.plugin() + "/"
                + c.template() + " " + c.defect().label()));
    }
}
