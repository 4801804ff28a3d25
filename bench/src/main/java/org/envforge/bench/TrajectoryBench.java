package org.envforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.envforge.action.Action;
import org.envforge.runtime.PngEncoder;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.ActionText;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryStatus;
import org.envforge.trajectory.io.GymAnythingEpisodes;
import org.envforge.trajectory.io.TrajectoryImporter;
import org.envforge.trajectory.replay.Frame;
import org.envforge.trajectory.replay.ReplaySession;

/**
 * Trajectory storage and replay: ingest rate with screenshots (recorder-style per-step commits and
 * folder import), opening a 10,000-step trajectory to its first frame, switching steps with and
 * without prefetch, and the heap a replay holds.
 */
final class TrajectoryBench {

    private static final int W = 1280;
    private static final int H = 800;

    private TrajectoryBench() {
    }

    /** A desktop-like frame: panels, text-like stripes, a moving window; distinct per seed. */
    static byte[] screen(int seed) {
        Random r = new Random(seed);
        int[] px = new int[W * H];
        Arrays.fill(px, 0xF0F0F0);
        for (int y = 0; y < 28; y++) {
            Arrays.fill(px, y * W, y * W + W, 0x2B2B2B);
        }
        int wx = 40 + (seed * 37) % 500;
        int wy = 60 + (seed * 23) % 300;
        for (int y = wy; y < wy + 400 && y < H; y++) {
            for (int x = wx; x < wx + 700 && x < W; x++) {
                px[y * W + x] = 0xFFFFFF;
            }
        }
        for (int line = 0; line < 18; line++) {
            int y = wy + 20 + line * 20;
            int len = 100 + r.nextInt(550);
            for (int x = wx + 10; x < wx + 10 + len && x < W; x++) {
                if (((x / 7) + line + seed) % 5 != 0) {
                    for (int dy = 0; dy < 9 && y + dy < H; dy++) {
                        px[(y + dy) * W + x] = (x * 31 + line * 7 + seed) % 3 == 0 ? 0x202020 : 0x404040;
                    }
                }
            }
        }
        return PngEncoder.encode(px, W, H);
    }

    static Step step(int i, String sha, boolean last, String after) {
        Action a = i % 3 == 0 ? Action.Click.left(100 + i % 900, 100 + i % 600) : i % 3 == 1 ? new Action.TypeText("value " + i)
                : Action.Key.of("enter");
        return new Step(i, Instant.now(), 5, List.of(a), ActionText.of(a), null, "step " + i, sha, last ? after : null, null, false,
                null);
    }

    static void print() throws Exception {
        Path dir = Files.createTempDirectory("envforge-traj-bench");
        System.out.println();
        System.out.println("Trajectories (1280x800 screenshots, desktop-like, about " + screen(1).length / 1024 + " KB each as PNG):");
        System.out.println(Measure.header());
        try (Store store = Store.open(dir.resolve("data"))) {
            Trajectories ts = new Trajectories(store);
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                frames.add(screen(i));
            }
            // Ingest like the recorder: each step's screenshot stored, then the step in its own transaction.
            int n = 300;
            long t0 = System.nanoTime();
            long id = ts.create("bench", "ingest", "bench", "envforge", "bench", TrajectoryStatus.RECORDING);
            for (int i = 0; i < n; i++) {
                String sha = store.blobs().put(frames.get(i));
                ts.addStep(id, step(i, sha, false, null));
            }
            double perStep = (System.nanoTime() - t0) / 1e6 / n;
            System.out.println(new Measure.Result("recorder ingest (blob + step commit)", n, perStep, perStep, perStep,
                    String.format(Locale.ROOT, "%.0f steps/s", 1000 / perStep)).row());
            ts.finish(id, TrajectoryStatus.COMPLETE, true, true, "bench");
            // Export as a Gym-Anything folder, then import it into a fresh store.
            Trajectory t = ts.get(id).orElseThrow();
            Path ep = dir.resolve("episode");
            GymAnythingEpisodes.write(t, ts.steps(id), store.blobs(), ep);
            List<Double> importMs = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                try (Store fresh = Store.open(dir.resolve("import" + run))) {
                    TrajectoryImporter imp = new TrajectoryImporter(new Trajectories(fresh), fresh.blobs(), r -> null);
                    long t1 = System.nanoTime();
                    TrajectoryImporter.Report rep = imp.importPaths(List.of(ep), i -> { });
                    importMs.add((System.nanoTime() - t1) / 1e6);
                    if (rep.imported() != 1) {
                        throw new IllegalStateException("import failed: " + rep);
                    }
                }
            }
            importMs.sort(null);
            double med = importMs.get(1);
            System.out.println(new Measure.Result("import Gym-Anything folder (" + n + " steps)", 3, med, importMs.get(0),
                    importMs.get(2), String.format(Locale.ROOT, "%.0f steps/s (PNG checks, content-addressed store)", n * 1000 / med))
                    .row());

            // A 10,000-step trajectory over 1,000 distinct screens.
            int big = 10_000;
            List<String> shas = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                shas.add(store.blobs().put(i < frames.size() ? frames.get(i) : screen(i)));
            }
            long bigId = ts.create("bench-big", "replay", "bench", "envforge", "bench", TrajectoryStatus.RECORDING);
            List<Step> batch = new ArrayList<>();
            for (int i = 0; i < big; i++) {
                batch.add(step(i, shas.get(i % shas.size()), i == big - 1, shas.get(0)));
                if (batch.size() == 1000) {
                    ts.addSteps(bigId, batch);
                    batch.clear();
                }
            }
            ts.finish(bigId, TrajectoryStatus.COMPLETE, true, true, "bench");
            System.out.println(Measure.time("open 10,000-step trajectory to first frame", 1, 7, () -> {
                try (ReplaySession s = ReplaySession.open(ts, store.blobs(), bigId)) {
                    return s.frame(0, false).get(10, TimeUnit.SECONDS);
                }
            }, "steps and annotations read, first PNG decoded").row());
            System.out.println(Measure.time("  of which: read 10,000 steps", 1, 7, () -> ts.steps(bigId), "").row());
            long heapBefore = usedHeap();
            try (ReplaySession s = ReplaySession.open(ts, store.blobs(), bigId)) {
                s.frame(0, false).get(10, TimeUnit.SECONDS);
                System.out.println(stepping(s, 3, 100, "step switch, prefetch 3, a step per 100 ms (10x)"));
                System.out.println(stepping(s, 0, 100, "step switch, no prefetch"));
                System.out.println(stepping(s, 3, 0, "step switch, prefetch 3, as fast as possible"));
                long heap = usedHeap() - heapBefore;
                System.out.println(new Measure.Result("heap held by an open 10,000-step replay", 1, heap / 1048576.0,
                        heap / 1048576.0, heap / 1048576.0, "MB (steps + " + ReplaySession.FRAME_CACHE + " cached frames)").row());
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Steps forward through the replay like a person or playback does; times request to frame ready. */
    private static String stepping(ReplaySession s, int prefetch, long dwellMs, String name) throws Exception {
        s.setPrefetch(prefetch);
        int start = 2000 + prefetch * 500 + (int) dwellMs * 3;
        double[] ms = new double[120];
        for (int k = 0; k < ms.length; k++) {
            int i = start + k;
            long t0 = System.nanoTime();
            Frame f = s.frame(i, false).get(10, TimeUnit.SECONDS);
            ms[k] = (System.nanoTime() - t0) / 1e6;
            if (f == null) {
                throw new IllegalStateException("no frame " + i);
            }
            if (prefetch > 0) {
                s.prefetchAround(i, 1); // as the view does after showing a step; without prefetch every frame is decoded on demand
            }
            if (dwellMs > 0) {
                Thread.sleep(dwellMs);
            }
        }
        Arrays.sort(ms);
        return new Measure.Result(name, ms.length, Measure.percentile(ms, 0.5), ms[0], Measure.percentile(ms, 0.9), "").row();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
