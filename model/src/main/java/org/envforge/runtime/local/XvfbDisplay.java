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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** The host uid the server runs as, or -1 when it runs as EnvForge's own user. */
    private final long uid;
    private MappedByteBuffer frame;

    private XvfbDisplay(int number, Process process, Path xauthority, Path fbFile, long uid) {
        this.number = number;
        this.uid = uid;
        this.process = process;
        this.xauthority = xauthority;
        this.fbFile = fbFile;
    }

    /**
     * Starts Xvfb on a free display number, as the session's own uid where EnvForge runs as root,
     * in the session's control group if it has one, and killed when EnvForge dies.
     */
    static XvfbDisplay start(Path sessionDir, int width, int height, Confinement confinement, Optional<Cgroups.Group> cgroup) {
        Path fbDir = sessionDir.resolve("fb");
        Path xauth = sessionDir.resolve("Xauthority");
        try {
            Files.createDirectories(fbDir);
        } catch (IOException e) {
            throw new SandboxException("cannot create " + fbDir + ": " + e.getMessage(), e);
        }
        ensureSocketFolder();
        String cookie = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        for (int attempt = 0; attempt < 20; attempt++) {
            int n = allocate();
            long uid = confinement.dropsToSessionUid() ? confinement.uidFor(n) : -1;
            try {
                Files.deleteIfExists(xauth);
            } catch (IOException e) {
                throw new SandboxException("cannot write " + xauth, e);
            }
            ProcessRunner.run(List.of("xauth", "-q", "-f", xauth.toString(), "add", ":" + n, ".", cookie), Map.of(), null,
                    Duration.ofSeconds(5), null).orThrow("xauth");
            List<String> cmd = new ArrayList<>(cgroup.map(Cgroups.Group::joinPrefix).orElse(List.of()));
            String fbArg = fbDir.toString();
            String authArg = xauth.toString();
            if (uid >= 0) {
                // The server runs as the session's uid, which may not pass through the data folder's parents (/root is
                // private), so a private mount namespace shows it its folder and cookie at fixed places. unshare, sh and
                // setpriv each exec the next: the server stays EnvForge's child and dies with it (a parent death signal
                // to another uid needs a parent allowed to signal it, which bwrap's monitor is not).
                Owners.own(xauth, uid);
                Owners.own(fbDir, uid);
                cmd.addAll(List.of("unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                        "mount -t tmpfs -o size=64k,mode=0755 envforge-x /mnt && mkdir /mnt/fb && touch /mnt/auth "
                                + "&& mount --bind \"$1\" /mnt/fb && mount --bind -o ro \"$2\" /mnt/auth && shift 2 && exec \"$@\"",
                        "envforge-xvfb", fbDir.toString(), xauth.toString()));
                cmd.addAll(Bubblewrap.drop(uid));
                fbArg = "/mnt/fb";
                authArg = "/mnt/auth";
            } else {
                cmd.addAll(List.of("setpriv", "--pdeathsig", "KILL", "--"));
            }
            cmd.addAll(List.of("Xvfb", ":" + n, "-screen", "0", width + "x" + height + "x24", "-nolisten", "tcp", "-fbdir", fbArg,
                    "-auth", authArg, "-noreset"));
            Process p;
            try {
                p = ProcessRunner.startLogged(cmd, sessionDir.resolve("xvfb.log"));
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
                XvfbDisplay d = new XvfbDisplay(n, p, xauth, fbDir.resolve("Xvfb_screen0"), uid);
                d.map();
                return d;
            }
            ProcessRunner.kill(p);
            // Taken by another server (or a stale lock): try the next number.
        }
        throw new SandboxException("could not start Xvfb on any display between :" + FIRST + " and :" + LAST + " (see "
                + sessionDir.resolve("xvfb.log") + ")");
    }

    /** X servers put their sockets in /tmp/.X11-unix, which must be there for anyone (mode 1777). */
    private static synchronized void ensureSocketFolder() {
        if (!Files.isDirectory(SOCKETS)) {
            ProcessRunner.run(List.of("mkdir", "-p", "-m", "1777", SOCKETS.toString()), Map.of(), null, Duration.ofSeconds(5), null);
        }
    }

    /** Removes the locks and sockets of X servers that died without cleaning up (EnvForge killed). */
    static void reclaimStale() {
        for (int n = FIRST; n <= LAST; n++) {
            if (Files.exists(lockFile(n))) {
                reclaimIfStale(n);
            }
        }
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
                if (Pids.running(pid)) {
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

    long uid() {
        return uid;
    }

    /** The X server, by process id. */
    java.util.Set<Long> pids() {
        return java.util.Set.of(process.pid());
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Stops Xvfb politely (so it removes its lock and socket), then forcibly if it lingers; then
     * removes what a forcibly stopped server leaves.
     */
    @Override
    public synchronized void close() {
        frame = null;
        // SIGTERM, so the server removes its lock and socket; then whatever is left, forcibly.
        process.destroy();
        try {
            process.onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // killed below
        }
        ProcessRunner.kill(process);
        reclaimIfStale(number);
    }
}
