package org.envforge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints benchmark tables (medians of repeated runs). Usage: {@code ./benchmark [catalog|import|sandbox|all] [--runs N]}.
 * Targets live here, never in timed unit tests.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String which = "all";
        int runs = 9;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("usage: ./benchmark [catalog|import|sandbox|audit|generation|trajectory|all] [--runs N]  (audit: "
                            + "--runs is seeds per template)");
                    return;
                }
                default -> which = args[i];
            }
        }
        List<Measure.Result> results = new ArrayList<>();
        if (which.equals("catalog") || which.equals("all")) {
            results.addAll(CatalogBench.run(runs));
        }
        if (which.equals("sandbox") || which.equals("all")) {
            results.addAll(SandboxBench.run(runs));
        }
        List<ImportBench.Run> imports = List.of();
        if (which.equals("import") || which.equals("all")) {
            java.nio.file.Path corpus = java.nio.file.Path.of(System.getProperty("envforge.corpus",
                    "model/api/src/test/resources/corpus/gym_anything"));
            imports = ImportBench.run(corpus, new int[] {1, 10}, Math.max(1, Math.min(runs, 3)));
        }
        boolean audit = which.equals("audit");
        boolean generation = which.equals("generation");
        boolean trajectory = which.equals("trajectory");
        if (results.isEmpty() && imports.isEmpty() && !audit && !generation && !trajectory && !which.equals("sandbox")) {
            System.err.println("unknown benchmark: " + which + " (try: catalog, import, sandbox, audit, generation, trajectory, all)");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "EnvForge benchmarks  (Java %s, %d cores, max heap %d MB)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (!results.isEmpty()) {
            System.out.println(Measure.header());
            results.forEach(r -> System.out.println(r.row()));
        }
        if (!imports.isEmpty()) {
            ImportBench.print(imports);
        }
        if (which.equals("sandbox") || which.equals("all")) {
            SandboxBench.printThroughput();
        }
        if (audit) {
            AuditBench.print(AuditBench.run(Math.max(1, runs), 2));
        }
        if (generation) {
            ThroughputBench.print();
        }
        if (trajectory) {
            TrajectoryBench.print();
            TestTimeAuditBench.print(TestTimeAuditBench.run(2));
        }
    }
}
