package org.envforge.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.PngEncoder;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.Screenshot;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.runtime.WindowInfo;
import org.envforge.runtime.X11Windows;
import org.envforge.runtime.XdotoolCommands;
import org.envforge.runtime.Xwd;

/** A session of the local runtime: an Xvfb display, programs under bubblewrap, xdotool actions. */
final class LocalSession implements Session {

    private final String id;
    private final Path dir;
    private final Path home;
    private final SessionRequest request;
    private final XvfbDisplay display;
    private final Bubblewrap bwrap;
    private final List<Process> apps = new ArrayList<>();
    private final boolean keep;
    private volatile boolean closed;

    LocalSession(String id, Path dir, SessionRequest request, XvfbDisplay display, List<Path> hidden, boolean keep) {
        this.id = id;
        this.dir = dir;
        this.home = dir.resolve("home");
        this.request = request;
        this.display = display;
        this.keep = keep;
        this.bwrap = new Bubblewrap(home, display, hidden, request.network(), request.memoryBytes(), request.env());
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
            Process p = new ProcessBuilder(bwrap.wrap(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            apps.add(p);
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
        Path p = inHome(path);
        try {
            if (Files.isSymbolicLink(p) || !p.toRealPath().startsWith(home.toRealPath())) {
                throw new SandboxException("refusing to read " + path + ": it is a link or leads outside the sandbox home");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new SandboxException("cannot read " + path + " in session " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeFile(String path, byte[] content) {
        ensureOpen();
        Path p = inHome(path);
        try {
            Files.createDirectories(p.getParent());
            if (!p.getParent().toRealPath().startsWith(home.toRealPath()) || Files.isSymbolicLink(p)) {
                throw new SandboxException("refusing to write " + path + ": it leads outside the sandbox home");
            }
            Files.write(p, content);
        } catch (IOException e) {
            throw new SandboxException("cannot write " + path + " in session " + id + ": " + e.getMessage(), e);
        }
    }

    /** A path of the sandbox home as a host path; refuses paths that climb out. */
    private Path inHome(String path) {
        String p = path;
        if (p.startsWith("~/")) {
            p = p.substring(2);
        } else if (p.startsWith(Bubblewrap.HOME + "/")) {
            p = p.substring(Bubblewrap.HOME.length() + 1);
        } else if (p.startsWith("/")) {
            throw new SandboxException("only paths in the sandbox home can be read or written, not " + path);
        }
        Path r = home.resolve(p).normalize();
        if (!r.startsWith(home)) {
            throw new SandboxException("the path " + path + " leads outside the sandbox home");
        }
        return r;
    }

    @Override
    public synchronized void reset() {
        ensureOpen();
        stopApps();
        // The X server drops a dead client's windows a moment later; wait so the next start state is clean.
        long end = System.nanoTime() + 3_000_000_000L;
        while (!windows().isEmpty() && System.nanoTime() < end) {
            Session.pause(20);
        }
        try {
            wipe(home);
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        if (!keep) {
            try {
                wipe(dir);
            } catch (IOException e) {
                // leave the folder; the next start does not reuse it
            }
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
        if (!display.alive()) {
            throw new SandboxException("the X display of session " + id + " has stopped (see " + dir.resolve("xvfb.log") + ")");
        }
    }

}
