package org.envforge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.envforge.agent.Auditor;
import org.envforge.agent.Creator;
import org.envforge.agent.recipe.RecipeCreator;
import org.envforge.agent.rules.RuleAuditor;
import org.envforge.catalog.CatalogLoader;
import org.envforge.catalog.CatalogSeedData;
import org.envforge.catalog.GdpSource;
import org.envforge.engine.DefaultAgents;
import org.envforge.engine.GenerationEngine;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobSpec;
import org.envforge.engine.SandboxSolvedState;
import org.envforge.job.ItemStatus;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.SeedData;
import org.envforge.progress.ProgressListener;
import org.envforge.runtime.local.LocalRuntime;
import org.envforge.store.Store;

/** Environments created and audited per hour by the embedded agents, with 1 and 2 workers. */
final class ThroughputBench {

    private ThroughputBench() {
    }

    static double envsPerHour(int workers, int envsPerPlugin) throws Exception {
        Path dir = Files.createTempDirectory("envforge-gen-bench");
        LocalRuntime rt = new LocalRuntime(dir.resolve("sessions"), List.of(dir), false);
        SeedData data = new CatalogSeedData(new CatalogLoader(GdpSource.shipped()).load(ProgressListener.NONE));
        PluginRegistry plugins = PluginRegistry.discover(ThroughputBench.class.getClassLoader());
        try (Store store = Store.open(dir.resolve("data"))) {
            Map<String, Supplier<Creator>> creators = Map.of("recipe", () -> new RecipeCreator(() -> data,
                    new SandboxSolvedState(() -> rt)));
            Map<String, Supplier<Auditor>> auditors = Map.of("rules", RuleAuditor::new);
            GenerationEngine g = new GenerationEngine(() -> store, () -> rt, plugins, new DefaultAgents(creators, auditors), true);
            long id = g.submit(new JobSpec(null, List.of("xterm", "gnumeric", "mousepad", "sqlitebrowser"), envsPerPlugin, 3, 2,
                    "recipe", "rules", workers, 0.0, 11));
            long t0 = System.nanoTime();
            JobInfo info = g.run(id, e -> { });
            double hours = (System.nanoTime() - t0) / 3.6e12;
            return (info.count(ItemStatus.PASSED) + info.count(ItemStatus.FAILED)) / hours;
        }
    }

    static void print() throws Exception {
        double one = envsPerHour(1, 1);
        double two = envsPerHour(2, 1);
        System.out.println();
        System.out.println("Environments created and audited per hour (4 plugins x 1 env x 3 tasks, recipe creator, rule auditor "
                + "with OCR, real sandboxes):");
        System.out.printf(Locale.ROOT, "  1 worker   %7.0f envs/h%n  2 workers  %7.0f envs/h  (x%.2f)%n", one, two, two / one);
    }
}
