package org.envforge.trajectory.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.envforge.runtime.PngDecoder;
import org.envforge.store.BlobStore;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;

/**
 * A trajectory opened for replay, without a screen: the steps and annotations are read once, the
 * frames are decoded on demand on background threads and kept in small LRU caches (full frames
 * and thumbnails), and the frames around the current step are decoded ahead so stepping shows a
 * cached frame. The Replay view and the replay benchmark both use it.
 */
public final class ReplaySession implements AutoCloseable {

    /** Full frames kept decoded (a 1280x800 frame is 4 MB). */
    public static final int FRAME_CACHE = 12;
    /** Thumbnails kept decoded. */
    public static final int THUMB_CACHE = 400;

    private final Trajectories trajectories;
    private final BlobStore blobs;
    private final Trajectory trajectory;
    private List<Step> steps = List.of(); // set once by open(), before the session is handed out
    private final Map<String, CompletableFuture<Frame>> inflight = new ConcurrentHashMap<>();
    private final Map<String, Frame> frames = lru(FRAME_CACHE);
    private final Map<String, Frame> thumbs = lru(THUMB_CACHE);
    private final ExecutorService decoder;
    private final ExecutorService thumbDecoder;
    private volatile int prefetch = 3;

    private ReplaySession(Trajectories trajectories, BlobStore blobs, Trajectory trajectory) {
        this.trajectories = trajectories;
        this.blobs = blobs;
        this.trajectory = trajectory;
        this.decoder = Executors.newFixedThreadPool(2, daemon("replay-frames"));
        this.thumbDecoder = Executors.newSingleThreadExecutor(daemon("replay-thumbs"));
    }

    public static ReplaySession open(Trajectories trajectories, BlobStore blobs, long id) {
        return open(trajectories, blobs, id, 0);
    }

    /**
     * Opens a trajectory to be shown from step position {@code first}: that step's frame starts
     * decoding before the other steps are read, so a long trajectory's first frame is not kept
     * waiting by them.
     */
    public static ReplaySession open(Trajectories trajectories, BlobStore blobs, long id, int first) {
        Trajectory t = trajectories.get(id).orElseThrow(() -> new IllegalArgumentException("no trajectory " + id));
        ReplaySession s = new ReplaySession(trajectories, blobs, t);
        try {
            trajectories.steps(id, Math.max(0, first), 1).stream().map(Step::screenshot).filter(java.util.Objects::nonNull)
                    .findFirst().ifPresent(s::decode);
            s.steps = List.copyOf(trajectories.steps(id));
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread th = new Thread(r, name);
            th.setDaemon(true);
            return th;
        };
    }

    private static <V> Map<String, V> lru(int size) {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(size * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> e) {
                return size() > size;
            }
        });
    }

    public Trajectory trajectory() {
        return trajectory;
    }

    public List<Step> steps() {
        return steps;
    }

    public Map<Integer, StepAnnotation> annotations() {
        return trajectories.annotations(trajectory.id());
    }

    /** How many frames ahead (and behind) to decode. */
    public void setPrefetch(int n) {
        this.prefetch = Math.max(0, n);
    }

    /** The screenshot before step {@code index}, or after it ({@code after}): the next step's, or the final screen. */
    public Optional<String> shot(int index, boolean after) {
        if (index < 0 || index >= steps.size()) {
            return Optional.empty();
        }
        if (!after) {
            return Optional.ofNullable(steps.get(index).screenshot());
        }
        if (steps.get(index).afterShot() != null) {
            return Optional.of(steps.get(index).afterShot());
        }
        return index + 1 < steps.size() ? Optional.ofNullable(steps.get(index + 1).screenshot()) : Optional.empty();
    }

    /** The cached frame, if decoded already (never blocks). */
    public Optional<Frame> cached(int index, boolean after) {
        return shot(index, after).map(frames::get);
    }

    /** The frame, decoded in the background (completes with null when the step has no screenshot). */
    public CompletableFuture<Frame> frame(int index, boolean after) {
        Optional<String> sha = shot(index, after);
        if (sha.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return decode(sha.get());
    }

    private CompletableFuture<Frame> decode(String sha) {
        Frame f = frames.get(sha);
        if (f != null) {
            return CompletableFuture.completedFuture(f);
        }
        return inflight.computeIfAbsent(sha, s -> CompletableFuture.supplyAsync(() -> {
            try {
                Frame fr = blobs.get(s).map(png -> {
                    PngDecoder.Image img = PngDecoder.decode(png);
                    return new Frame(s, img.width(), img.height(), img.pixels());
                }).orElse(null);
                if (fr != null) {
                    frames.put(s, fr);
                }
                return fr;
            } finally {
                inflight.remove(s);
            }
        }, decoder));
    }

    /** Decodes the frames around {@code index} ahead of time, the direction of travel first. */
    public void prefetchAround(int index, int direction) {
        int d = direction < 0 ? -1 : 1;
        for (int k = 1; k <= prefetch; k++) {
            for (int i : new int[] {index + d * k, index - d * k}) {
                if (k > 1 && i == index - d * k) {
                    continue;
                }
                shot(i, false).filter(s -> !frames.containsKey(s)).ifPresent(this::decode);
            }
        }
        shot(index, true).filter(s -> !frames.containsKey(s)).ifPresent(this::decode);
    }

    /** A thumbnail of the screen before a step, about {@code width} pixels wide (completes with null without one). */
    public CompletableFuture<Frame> thumbnail(int index, int width) {
        Optional<String> sha = shot(index, false);
        if (sha.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String key = sha.get() + "@" + width;
        Frame t = thumbs.get(key);
        if (t != null) {
            return CompletableFuture.completedFuture(t);
        }
        return CompletableFuture.supplyAsync(() -> {
            Frame full = frames.get(sha.get());
            if (full == null) {
                full = blobs.get(sha.get()).map(png -> {
                    PngDecoder.Image img = PngDecoder.decode(png);
                    return new Frame(sha.get(), img.width(), img.height(), img.pixels());
                }).orElse(null);
            }
            if (full == null) {
                return null;
            }
            Frame small = shrink(full, width);
            thumbs.put(key, small);
            return small;
        }, thumbDecoder);
    }

    /** Box-filter downscale. */
    static Frame shrink(Frame f, int width) {
        int w = Math.max(1, Math.min(width, f.width()));
        int h = Math.max(1, (int) Math.round((double) f.height() * w / f.width()));
        int[] out = new int[w * h];
        double sx = (double) f.width() / w;
        double sy = (double) f.height() / h;
        for (int y = 0; y < h; y++) {
            int y0 = (int) (y * sy);
            int y1 = Math.max(y0 + 1, (int) ((y + 1) * sy));
            for (int x = 0; x < w; x++) {
                int x0 = (int) (x * sx);
                int x1 = Math.max(x0 + 1, (int) ((x + 1) * sx));
                long r = 0;
                long g = 0;
                long b = 0;
                int n = 0;
                for (int yy = y0; yy < y1; yy += 2) {
                    int row = yy * f.width();
                    for (int xx = x0; xx < x1; xx += 2) {
                        int p = f.pixels()[row + xx];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                out[y * w + x] = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
            }
        }
        return new Frame(f.sha(), w, h, out);
    }

    @Override
    public void close() {
        decoder.shutdownNow();
        thumbDecoder.shutdownNow();
        frames.clear();
        thumbs.clear();
    }
}
