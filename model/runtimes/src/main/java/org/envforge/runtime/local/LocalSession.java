package org.envforge.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.envforge.action.Action;
import org.envforge.host.ProcessRunner;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.PngEncoder;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.SandboxFiles;
import org.envforge.runtime.Screenshot;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.runtime.WindowInfo;
import org.envforge.runtime.X11Windows;
import org.envforge.runtime.XdotoolCommands;
import org.envforge.runtime.Xwd;

/**
 * A session of the local runtime: an Xvfb display, programs under bubblewrap, xdotool actions.
 * Files of the sandbox home are read and written by a program in the sandbox, as the sandbox
 * user, so a link or a folder swapped by a sandboxed program can never make EnvForge's own user
 * read or write a host file.
 */
final class LocalSession implements Session {

    private final String id;
    private final Path dir;
    private final Path home;
    private final SessionRequest request;
    private final XvfbDisplay display;
    private final Bubblewrap bwrap;
    private final Bubblewrap.Identity identity;
    private final List<Process> apps = new ArrayList<>();
    private final boolean keep;
    private volatile boolean closed;

    LocalSession(String id, Path dir, SessionRequest request, XvfbDisplay display, List<Path> hidden, boolean keep,
            Bubblewrap.Identity identity) {
        this.id = id;
        this.dir = dir;
        this.home = dir.resolve("home");
        this.request = request;
        this.display = display;
        this.keep = keep;
        this.identity = identity;
        this.bwrap = new Bubblewrap(home, display, hidden, request.network(), request.limits(), request.env(), identity);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int width() {
        return request.width();
    }

    @Override
    public int height() {
        return request.height();
    }

    Path folder() {
        return dir;
    }

    String displayName() {
        return display.name();
    }

    ProcessHandle xvfb() {
        return display.process();
    }

    @Override
    public String home() {
        return Bubblewrap.HOME;
    }

    @Override
    public int[] pixels() {
        ensureOpen();
        return display.pixels();
    }

    @Override
    public Screenshot screenshot() {
        ensureOpen();
        Xwd.Header h = display.header();
        int[] px = display.pixels();
        return new Screenshot(PngEncoder.encode(px, h.width(), h.height()), h.width(), h.height(), Instant.now());
    }

    @Override
    public void act(Action action) {
        ensureOpen();
        if (waitIfWaiting(action)) {
            return;
        }
        XdotoolCommands.perform(action, this::onHostDisplay);
    }

    @Override
    public List<WindowInfo> windows() {
        ensureOpen();
        return X11Windows.list(this::onHostDisplay);
    }

    /** Runs an X tool on the host against this session's display. */
    private ExecResult onHostDisplay(List<String> command, Duration limit) {
        return ProcessRunner.run(command, bwrap.hostXEnv(), null, limit, null);
    }

    @Override
    public synchronized void launch(List<String> command) {
        ensureOpen();
        try {
            Path log = dir.resolve("logs").resolve("app-" + apps.size() + ".log");
            Files.createDirectories(log.getParent());
            apps.add(ProcessRunner.startLogged(bwrap.wrap(command), log));
        } catch (IOException e) {
            throw new SandboxException("cannot launch " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ExecResult exec(List<String> command) {
        ensureOpen();
        return ProcessRunner.run(bwrap.wrap(command), Map.of(), null, request.commandTimeout(), null);
    }

    @Override
    public byte[] readFile(String path) {
        ensureOpen();
        ProcessRunner.Bytes r = ProcessRunner.runBytes(bwrap.wrap(SandboxFiles.readCommand(SandboxFiles.inHome(Bubblewrap.HOME, path))),
                Map.of(), null, request.commandTimeout(), null, SandboxFiles.MAX_FILE);
        if (r.exitCode() == 0 && !r.timedOut() && !r.stdoutCut()) {
            return r.stdout();
        }
        throw new SandboxException("cannot read " + path + " in session " + id + ": " + SandboxFiles.problem(r.exitCode(), r.timedOut(),
                r.stderr()));
    }

    @Override
    public void writeFile(String path, byte[] content) {
        ensureOpen();
        ProcessRunner.Bytes r = ProcessRunner.runBytes(bwrap.wrap(SandboxFiles.writeCommand(SandboxFiles.inHome(Bubblewrap.HOME, path),
                content.length)),
                Map.of(), null, request.commandTimeout(), content, 4096);
        if (r.exitCode() != 0 || r.timedOut()) {
            throw new SandboxException("cannot write " + path + " in session " + id + ": " + SandboxFiles.problem(r.exitCode(),
                    r.timedOut(), r.stderr()));
        }
    }

    @Override
    public synchronized void reset() {
        ensureOpen();
        stopApps();
        // Anything of the session that outlived its app's process tree: every process of its control group but the X server.
        identity.cgroup().ifPresent(g -> killAllBut(g, display::pids));
        // The X server drops a dead client's windows a moment later; wait so the next start state is clean.
        long end = System.nanoTime() + 3_000_000_000L;
        while (!windows().isEmpty() && System.nanoTime() < end) {
            Session.pause(20);
        }
        // Emptied by the sandbox user, in the sandbox: the home may be a file system only the sandbox sees.
        ExecResult r = exec(List.of("/bin/sh", "-c", "chmod -R u+rwx " + Bubblewrap.HOME + " 2>/dev/null; find " + Bubblewrap.HOME
                + " -mindepth 1 -delete"));
        if (!r.ok()) {
            throw new SandboxException("cannot empty the home of session " + id + ": " + SandboxFiles.problem(r.exitCode(), r.timedOut(),
                    r.stderr()));
        }
    }

    /** Kills every process of the group but those kept (asked anew each round: the X server may start its keymap compiler). */
    private static void killAllBut(Cgroups.Group g, java.util.function.Supplier<java.util.Set<Long>> keep) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            java.util.Set<Long> kept = keep.get();
            List<Long> left = g.pids().stream().filter(p -> !kept.contains(p)).toList();
            if (left.isEmpty()) {
                break;
            }
            left.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
            Session.pause(10);
        }
    }

    private void stopApps() {
        for (Process p : apps) {
            ProcessRunner.kill(p);
        }
        apps.clear();
    }

    /** Processes this session started and that still run (apps, sandboxed commands, Xvfb). */
    List<ProcessHandle> processes() {
        List<ProcessHandle> out = new ArrayList<>();
        synchronized (this) {
            for (Process p : apps) {
                out.add(p.toHandle());
                p.toHandle().descendants().forEach(out::add);
            }
        }
        out.add(display.process());
        return out.stream().filter(ProcessHandle::isAlive).toList();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopApps();
        display.close();
        identity.cgroup().ifPresent(g -> {
            g.killAll();
            g.remove();
        });
        identity.home().ifPresent(HomeNamespace::close);
        if (keep) {
            try {
                Files.writeString(dir.resolve(LocalRuntime.KEPT), "kept for debugging\n");
            } catch (IOException e) {
                // the folder stays either way
            }
        } else {
            removeFolder(dir);
        }
    }

    /** Deletes a session folder; false when something stays. */
    static boolean removeFolder(Path dir) {
        try {
            wipe(dir);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void wipe(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SandboxException("session " + id + " is closed");
        }
        if (identity.home().map(h -> !h.alive()).orElse(false)) {
            throw new SandboxException("the home of session " + id + " has gone (its holder process ended)");
        }
        if (!display.alive()) {
            // The folder goes when the session closes, so the server's last words go into the message.
            String log;
            try {
                log = org.envforge.text.Clip.text(Files.readString(dir.resolve("xvfb.log"), java.nio.charset.StandardCharsets.UTF_8),
                        600).strip();
            } catch (IOException | RuntimeException e) {
                log = "";
            }
            throw new SandboxException("the X display of session " + id + " has stopped (" + display.exitDescription() + ")"
                    + (log.isEmpty() ? "" : ": " + log));
        }
    }
}
