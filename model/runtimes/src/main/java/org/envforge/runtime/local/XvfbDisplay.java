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
import org.envforge.host.ProcessRunner;
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
    /** Where this process looks first: a random start, so EnvForge processes starting at once rarely try the same number. */
    private static int next = FIRST + new java.util.Random().nextInt(LAST - FIRST + 1);

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
                // Compiled keymaps go to /var/lib/xkb when the server may write there, else to /tmp/server-N.xkm, where a
                // file left by a server of another user on the same number makes the keymap fail and the server exit: so
                // the server gets a /var/lib/xkb of its own.
                Path xkb = sessionDir.resolve("xkb");
                try {
                    Files.createDirectories(xkb);
                } catch (IOException e) {
                    throw new SandboxException("cannot create " + xkb + ": " + e.getMessage(), e);
                }
                Owners.own(xauth, uid);
                Owners.own(fbDir, uid);
                Owners.own(xkb, uid);
                cmd.addAll(List.of("unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                        "mount -t tmpfs -o size=64k,mode=0755 envforge-x /mnt && mkdir /mnt/fb && touch /mnt/auth "
                                + "&& mount --bind \"$1\" /mnt/fb && mount --bind -o ro \"$2\" /mnt/auth "
                                + "&& { [ ! -d /var/lib/xkb ] || mount --bind \"$3\" /var/lib/xkb; } && shift 3 && exec \"$@\"",
                        "envforge-xvfb", fbDir.toString(), xauth.toString(), xkb.toString()));
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
            // Ours only when the display's lock names our server: another EnvForge may have started one on the same
            // number a moment earlier, and ours then exits after making its framebuffer (the socket is the other's).
            while (System.nanoTime() < end && p.isAlive() && !(Files.exists(socket) && size(fb) >= frameBytes && lockedBy(n, p.pid()))) {
                org.envforge.runtime.Session.pause(5);
            }
            // The socket comes before the server has finished starting (its keyboard, whose keymap compiler a reset
            // could otherwise kill): ready when it answers a client with the session's cookie.
            byte[] key = HexFormat.of().parseHex(cookie);
            boolean answered = false;
            while (System.nanoTime() < end && p.isAlive() && Files.exists(socket) && !(answered = answers(socket, key))) {
                org.envforge.runtime.Session.pause(5);
            }
            if (answered && p.isAlive() && lockedBy(n, p.pid())) {
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

    /**
     * True when the X server on the socket completes a connection setup with the cookie (it runs
     * its request loop, so it has finished starting). Waits at most a second for the answer.
     */
    static boolean answers(Path socket, byte[] cookie) {
        byte[] name = "MIT-MAGIC-COOKIE-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer req = ByteBuffer.allocate(12 + pad4(name.length) + pad4(cookie.length)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        req.put((byte) 'l').put((byte) 0).putShort((short) 11).putShort((short) 0).putShort((short) name.length)
                .putShort((short) cookie.length).putShort((short) 0);
        req.put(name).position(12 + pad4(name.length));
        req.put(cookie).position(req.capacity());
        req.flip();
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
                java.nio.channels.Selector sel = java.nio.channels.Selector.open()) {
            ch.connect(java.net.UnixDomainSocketAddress.of(socket));
            while (req.hasRemaining()) {
                ch.write(req);
            }
            ch.configureBlocking(false);
            ch.register(sel, java.nio.channels.SelectionKey.OP_READ);
            ByteBuffer reply = ByteBuffer.allocate(1);
            long end = System.nanoTime() + 1_000_000_000L;
            while (reply.hasRemaining() && System.nanoTime() < end) {
                sel.select(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                if (ch.read(reply) < 0) {
                    return false;
                }
            }
            return !reply.hasRemaining() && reply.get(0) == 1; // 1: Success
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }

    /** True when display n's lock file names the given process. */
    private static boolean lockedBy(int n, long pid) {
        try {
            return Long.parseLong(Files.readString(lockFile(n)).strip()) == pid;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
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

    /** The X server and what it runs (its keymap compiler), by process id. */
    java.util.Set<Long> pids() {
        java.util.Set<Long> out = new java.util.HashSet<>();
        out.add(process.pid());
        process.descendants().forEach(h -> out.add(h.pid()));
        return out;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    /** How the server ended: its exit code, or the signal that killed it. */
    String exitDescription() {
        if (process.isAlive()) {
            return "running";
        }
        int code = process.exitValue();
        return code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
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
