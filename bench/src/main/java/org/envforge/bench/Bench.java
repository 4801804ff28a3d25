package org.envforge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints benchmark tables (medians of repeated runs). Usage: {@code ./bench [catalog|all] [--runs N]}.
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
                    System.out.println("usage: ./bench [catalog|all] [--runs N]");
                    return;
                }
                default -> which = args[i];
            }
        }
        List<Measure.Result> results = new ArrayList<>();
        if (which.equals("catalog") || which.equals("all")) {
            results.addAll(CatalogBench.run(runs));
        }
        if (results.isEmpty()) {
            System.err.println("unknown benchmark: " + which + " (try: catalog, all)");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "EnvForge benchmarks  (Java %s, %d cores, max heap %d MB)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println(Measure.header());
        results.forEach(r -> System.out.println(r.row()));
    }
}
