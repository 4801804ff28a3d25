package org.envforge.runtime.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.Xwd;

/**
 * One Xvfb display for one session: its own display number, no TCP, an X cookie that only this
 * session holds, and the screen kept in a memory-mapped XWD file (-fbdir), so a screenshot is a
 * memory copy rather than a process.
 */
final class XvfbDisplay implements AutoCloseable {

    private static final Path SOCKETS = Path.of("/tmp/.X11-unix");
    private static final int FIRST = 100;
    private static final int LAST = 999;
    private static int next = FIRST;

    private final int number;
    private final Process process;
    private final Path xauthority;
    private final Path fbFile;
    private MappedByteBuffer frame;

    private XvfbDisplay(int number, Process process, Path xauthority, Path fbFile) {
        this.number = number;
        this.process = process;
        this.xauthority = xauthority;
        this.fbFile = fbFile;
    }

    /** Starts Xvfb on a free display number. */
    static XvfbDisplay start(Path sessionDir, int width, int height) {
        Path fbDir = sessionDir.resolve("fb");
        Path xauth = sessionDir.resolve("Xauthority");
        try {
            Files.createDirectories(fbDir);
        } catch (IOException e) {
            throw new SandboxException("cannot create " + fbDir + ": " + e.getMessage(), e);
        }
        String cookie = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        for (int attempt = 0; attempt < 20; attempt++) {
            int n = allocate();
            try {
                Files.deleteIfExists(xauth);
            } catch (IOException e) {
                throw new SandboxException("cannot write " + xauth, e);
            }
            ProcessRunner.run(List.of("xauth", "-q", "-f", xauth.toString(), "add", ":" + n, ".", cookie), Map.of(), null,
                    Duration.ofSeconds(5), null).orThrow("xauth");
            Process p;
            try {
                // Under bwrap --die-with-parent (no namespaces), so the server ends if EnvForge is killed.
                p = new ProcessBuilder("bwrap", "--dev-bind", "/", "/", "--die-with-parent", "--", "Xvfb", ":" + n, "-screen", "0",
                        width + "x" + height + "x24", "-nolisten", "tcp", "-fbdir", fbDir.toString(), "-auth", xauth.toString(),
                        "-noreset")
                        .redirectErrorStream(true).redirectOutput(sessionDir.resolve("xvfb.log").toFile()).start();
            } catch (IOException e) {
                throw new SandboxException("cannot start Xvfb: " + e.getMessage() + " (apt-get install xvfb)", e);
            }
            Path socket = SOCKETS.resolve("X" + n);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Path fb = fbDir.resolve("Xvfb_screen0");
            long frameBytes = 4L * width * height;
            while (System.nanoTime() < end && p.isAlive() && !(Files.exists(socket) && size(fb) >= frameBytes)) {
                org.envforge.runtime.Session.pause(5);
            }
            if (p.isAlive() && Files.exists(socket)) {
                XvfbDisplay d = new XvfbDisplay(n, p, xauth, fbDir.resolve("Xvfb_screen0"));
                d.map();
                return d;
            }
            ProcessRunner.kill(p);
            // Taken by another server (or a stale lock): try the next number.
        }
        throw new SandboxException("could not start Xvfb on any display between :" + FIRST + " and :" + LAST + " (see "
                + sessionDir.resolve("xvfb.log") + ")");
    }

    private static long size(Path f) {
        try {
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static synchronized int allocate() {
        for (int i = 0; i <= LAST - FIRST; i++) {
            int n = next;
            next = next >= LAST ? FIRST : next + 1;
            reclaimIfStale(n);
            if (!Files.exists(lockFile(n)) && !Files.exists(SOCKETS.resolve("X" + n))) {
                return n;
            }
        }
        throw new SandboxException("no free X display number between :" + FIRST + " and :" + LAST);
    }

    private static Path lockFile(int n) {
        return Path.of("/tmp/.X" + n + "-lock");
    }

    /** Removes the lock and socket an X server left behind when it was killed without cleaning up. */
    private static void reclaimIfStale(int n) {
        Path lock = lockFile(n);
        try {
            if (Files.exists(lock)) {
                long pid = Long.parseLong(Files.readString(lock).strip());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return;
                }
                Files.deleteIfExists(lock);
                Files.deleteIfExists(SOCKETS.resolve("X" + n));
            }
        } catch (IOException | NumberFormatException e) {
            // not ours to clean; the number is skipped
        }
    }

    private void map() {
        try (FileChannel ch = FileChannel.open(fbFile, StandardOpenOption.READ)) {
            frame = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        } catch (IOException e) {
            throw new SandboxException("cannot map the framebuffer " + fbFile + ": " + e.getMessage(), e);
        }
    }


    int number() {
        return number;
    }

    String name() {
        return ":" + number;
    }

    Path xauthority() {
        return xauthority;
    }

    Path socket() {
        return SOCKETS.resolve("X" + number);
    }

    /** The current screen as 0xRRGGBB pixels. */
    int[] pixels() {
        return Xwd.pixels(mapped());
    }

    Xwd.Header header() {
        return Xwd.header(mapped());
    }

    /**
     * The mapped framebuffer, mapped again when Xvfb has grown the file since (it may still be
     * writing it right after start).
     */
    private synchronized ByteBuffer mapped() {
        MappedByteBuffer b = frame;
        if (b == null) {
            throw new SandboxException("display " + name() + " is closed");
        }
        if (b.capacity() < 128) {
            map();
            b = frame;
        }
        Xwd.Header h = Xwd.header(b);
        long needed = (long) h.pixelOffset() + (long) h.bytesPerLine() * h.height();
        if (b.capacity() < needed) {
            map();
            b = frame;
            if (b.capacity() < needed) {
                throw new SandboxException("the framebuffer of " + name() + " is not complete yet");
            }
        }
        return b;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Stops Xvfb politely (so it removes its lock and socket), then forcibly if it lingers. */
    @Override
    public synchronized void close() {
        frame = null;
        process.destroy();
        try {
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                ProcessRunner.kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessRunner.kill(process);
        }
        reclaimIfStale(number);
    }
}
