package org.envforge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.envforge.service.EnvironmentImport;
import org.envforge.service.ImportReport;
import org.envforge.store.Store;

/**
 * Import throughput (tasks/s) and peak heap for the shared Gym-Anything corpus copied N times over
 * (each copy renamed so that every task is distinct).
 */
final class ImportBench {

    private ImportBench() {
    }

    /** One measured import. */
    record Run(int copies, int tasks, double seconds, double tasksPerSecond, long peakHeapMb) {
    }

    static List<Run> run(Path corpus, int[] copies, int repeats) throws Exception {
        List<Run> out = new ArrayList<>();
        // Warm-up: class loading and JIT, not measured.
        Path warm = Files.createTempDirectory("envforge-import-warmup");
        try {
            once(multiply(corpus, warm.resolve("src"), 1), warm.resolve("data"), 1);
        } finally {
            delete(warm);
        }
        for (int n : copies) {
            List<Run> runs = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                Path work = Files.createTempDirectory("envforge-import-bench");
                try {
                    Path src = multiply(corpus, work.resolve("src"), n);
                    runs.add(once(src, work.resolve("data"), n));
                } finally {
                    delete(work);
                }
            }
            runs.sort(Comparator.comparingDouble(Run::seconds));
            out.add(runs.get(runs.size() / 2));
        }
        return out;
    }

    private static Run once(Path src, Path data, int copies) {
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        ImportReport r;
        try (Store store = Store.open(data)) {
            r = new EnvironmentImport(() -> store).importPaths(List.of(src), p -> { });
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.errors() > 0) {
            throw new IllegalStateException("benchmark import had errors: " + r.problems());
        }
        return new Run(copies, r.tasksStored(), s, r.tasksStored() / s, peakHeapMb());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak usage since the last reset. */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    /** Copies each environment folder n times, renaming the copies (folder, id, mounts). */
    static Path multiply(Path corpus, Path target, int n) throws IOException {
        Path envs = corpus.resolve("environments");
        try (Stream<Path> s = Files.list(envs)) {
            for (Path env : s.sorted().toList()) {
                String name = env.getFileName().toString();
                for (int i = 0; i < n; i++) {
                    String copy = name + "_c" + i;
                    Path dst = target.resolve(copy);
                    copyTree(env, dst);
                    Path envJson = dst.resolve("env.json");
                    Files.writeString(envJson, Files.readString(envJson).replace(name, copy)
                            .replace("\"id\": \"example.windows_notepad@", "\"id\": \"example.windows_notepad_c" + i + "@"));
                }
            }
        }
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    static void print(List<Run> runs) {
        System.out.println();
        System.out.println("Import of the shared Gym-Anything corpus (4 environments, 220 tasks) copied N times (median run):");
        System.out.printf(Locale.ROOT, "%-8s %8s %10s %10s %14s%n", "copies", "tasks", "seconds", "tasks/s", "peak heap MB");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "%-8d %8d %10.2f %10.1f %14d%n", r.copies(), r.tasks(), r.seconds(), r.tasksPerSecond(),
                    r.peakHeapMb());
        }
    }
}
