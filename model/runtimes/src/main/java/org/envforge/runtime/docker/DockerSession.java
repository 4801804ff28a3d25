package org.envforge.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.envforge.action.Action;
import org.envforge.runtime.ExecResult;
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
 * A session in a Docker container; everything goes through docker exec. The task's programs run
 * as {@link #USER_ID}; the container's own processes (its init, the keep-alive and the X server)
 * run as {@link #INFRA_ID} and are known by process id, so a reset stops everything else whatever
 * it is called.
 */
final class DockerSession implements Session {

    static final String HOME = "/home/envforge";
    static final int USER_ID = 1000;
    static final int INFRA_ID = 999;
    /** What is kept of a command's standard output and of its standard error. */
    static final int MAX_OUTPUT = 8 << 20;

    private final DockerClient client;
    private final String id;
    private final SessionRequest request;
    /** Creates and starts a fresh container for this session (with no X server yet), giving its id. */
    private final Supplier<String> containers;
    private volatile String container;
    /** Process ids (inside the container) of what the runtime itself started. */
    private final Set<Long> own = new LinkedHashSet<>();
    private volatile boolean closed;

    DockerSession(DockerClient client, String id, SessionRequest request, Supplier<String> containers) {
        this.client = client;
        this.id = id;
        this.request = request;
        this.containers = containers;
    }

    /** Starts a container and its X server. */
    void boot() {
        own.clear();
        container = containers.get();
        startDisplay();
    }

    /**
     * Starts the X server and records the container's own processes: init (1), the keep-alive and
     * the server. The server never resets when its last client leaves (-noreset): a reset compiles
     * the keymap again in a new process, which fails, and stops the server, while the task's
     * programs hold every process slot.
     */
    private void startDisplay() {
        String script = "Xvfb :0 -screen 0 " + request.width() + "x" + request.height()
                + "x24 -nolisten tcp -noreset >/tmp/xvfb.log 2>&1 </dev/null & "
                + "x=$!; for i in $(seq 200); do [ -e /tmp/.X11-unix/X0 ] && break; sleep 0.05; done; [ -e /tmp/.X11-unix/X0 ] || exit 1; "
                + "echo $x; cat /proc/1/task/1/children";
        ExecResult r = run(List.of("sh", "-c", script), Duration.ofSeconds(15), null, INFRA_ID).orThrow("Xvfb in the container");
        own.add(1L);
        for (String p : r.stdout().trim().split("\\s+")) {
            own.add(Long.parseLong(p));
        }
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

    @Override
    public int[] pixels() {
        return Xwd.pixels(ByteBuffer.wrap(xwd()));
    }

    private byte[] xwd() {
        Bytes r = runBytes(List.of("xwd", "-root", "-silent", "-display", ":0"), Duration.ofSeconds(20), null, USER_ID,
                4 * request.width() * request.height() + (1 << 20));
        if (r.exitCode != 0) {
            throw new SandboxException("xwd failed in the container: " + r.stderr);
        }
        return r.stdout;
    }

    @Override
    public Screenshot screenshot() {
        return Xwd.screenshot(xwd());
    }

    @Override
    public void act(Action action) {
        if (waitIfWaiting(action)) {
            return;
        }
        XdotoolCommands.perform(action, (cmd, limit) -> run(cmd, limit, null, USER_ID));
    }

    @Override
    public List<WindowInfo> windows() {
        return X11Windows.list((cmd, limit) -> run(cmd, limit, null, USER_ID));
    }

    @Override
    public void launch(List<String> command) {
        ensureOpen();
        ExecCreateCmdResponse e = client.execCreateCmd(container).withCmd(command.toArray(String[]::new)).withUser(USER_ID + ":" + USER_ID)
                .withEnv(List.of("DISPLAY=:0", "HOME=" + HOME)).withWorkingDir(HOME).exec();
        client.execStartCmd(e.getId()).withDetach(true).exec(new ResultCallback.Adapter<>());
    }

    @Override
    public ExecResult exec(List<String> command) {
        return run(command, request.commandTimeout(), null, USER_ID);
    }

    private ExecResult run(List<String> command, Duration timeout, byte[] stdin, int uid) {
        Bytes r = runBytes(timed(command, timeout), timeout.plusSeconds(5), stdin, uid, MAX_OUTPUT);
        return new ExecResult(r.timedOut() ? -1 : r.exitCode, new String(r.stdout, StandardCharsets.UTF_8), r.stderr, r.timedOut(),
                r.millis);
    }

    private static List<String> timed(List<String> command, Duration timeout) {
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "2", String.valueOf(Math.max(1, timeout.toSeconds()))));
        cmd.addAll(command);
        return cmd;
    }

    private record Bytes(int exitCode, byte[] stdout, String stderr, long millis, boolean stdoutCut) {
        boolean timedOut() {
            return exitCode == 124 || exitCode == 137;
        }
    }

    /** Runs a command; keeps at most maxStdout bytes of its output and {@link #MAX_OUTPUT} of its errors, dropping the rest as it comes. */
    private Bytes runBytes(List<String> command, Duration timeout, byte[] stdin, int uid, int maxStdout) {
        ensureOpen();
        long t0 = System.nanoTime();
        ExecCreateCmdResponse e = client.execCreateCmd(container).withCmd(command.toArray(String[]::new)).withAttachStdout(true)
                .withAttachStderr(true).withAttachStdin(stdin != null).withEnv(List.of("DISPLAY=:0", "HOME=" + HOME))
                .withUser(uid + ":" + uid).withWorkingDir(uid == USER_ID ? HOME : "/").exec();
        Bounded out = new Bounded(maxStdout);
        Bounded err = new Bounded(MAX_OUTPUT);
        ResultCallback.Adapter<Frame> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame f) {
                switch (f.getStreamType()) {
                    case STDOUT, RAW -> out.add(f.getPayload());
                    case STDERR -> err.add(f.getPayload());
                    default -> { }
                }
            }
        };
        var start = client.execStartCmd(e.getId());
        if (stdin != null) {
            start = start.withStdIn(new ByteArrayInputStream(stdin));
        }
        try {
            start.exec(cb).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted");
        }
        Long code = client.inspectExecCmd(e.getId()).exec().getExitCodeLong();
        return new Bytes(code == null ? -1 : code.intValue(), out.bytes(), err.text(), (System.nanoTime() - t0) / 1_000_000, out.cut);
    }

    /** Keeps the first bytes of a stream, up to a limit. */
    private static final class Bounded {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final int max;
        private boolean cut;

        Bounded(int max) {
            this.max = max;
        }

        synchronized void add(byte[] b) {
            int keep = Math.min(b.length, max - buf.size());
            if (keep > 0) {
                buf.write(b, 0, keep);
            }
            cut |= keep < b.length;
        }

        synchronized byte[] bytes() {
            return buf.toByteArray();
        }

        synchronized String text() {
            return buf.toString(StandardCharsets.UTF_8) + (cut ? "\n[envforge: output cut after " + max + " bytes]" : "");
        }
    }

    @Override
    public byte[] readFile(String path) {
        Bytes r = runBytes(timed(SandboxFiles.readCommand(SandboxFiles.inHome(HOME, path)), request.commandTimeout()),
                request.commandTimeout().plusSeconds(5), null, USER_ID, SandboxFiles.MAX_FILE);
        if (r.exitCode == 0 && !r.stdoutCut) {
            return r.stdout;
        }
        throw new SandboxException("cannot read " + path + " in session " + id + ": " + SandboxFiles.problem(r.exitCode, r.timedOut(),
                r.stderr));
    }

    @Override
    public void writeFile(String path, byte[] content) {
        ExecResult r = run(SandboxFiles.writeCommand(SandboxFiles.inHome(HOME, path), content.length), request.commandTimeout(), content,
                USER_ID);
        if (!r.ok()) {
            throw new SandboxException("cannot write " + path + " in session " + id + ": " + SandboxFiles.problem(r.exitCode(),
                    r.timedOut(), r.stderr()));
        }
    }

    /**
     * Stops every process but the container's own (known by id), again until none is left (a fork
     * racing the kill is caught in the next round), checks that the container's own are still there
     * and empties the home folder. The script forks nothing while it kills, so it never kills
     * itself. Where that cannot be done (the task's programs hold every process slot, so not even
     * the script can start, or they outlast twenty rounds, or the X server is gone), the session
     * gets a new container.
     */
    @Override
    public void reset() {
        if (!cleared()) {
            replace();
        }
        long end = System.nanoTime() + 3_000_000_000L;
        while (!windows().isEmpty() && System.nanoTime() < end) {
            Session.pause(20);
        }
    }

    private boolean cleared() {
        String keep = own.stream().map(String::valueOf).collect(Collectors.joining(" "));
        String script = "keep=\" " + keep + " $$ $PPID \"; for round in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do n=0; "
                + "for d in /proc/[0-9]*; do p=${d#/proc/}; case \"$keep\" in *\" $p \"*) continue;; esac; "
                + "kill -9 \"$p\" 2>/dev/null && n=$((n+1)); done; [ $n -eq 0 ] && break; sleep 0.05; done; [ $n -eq 0 ] || exit 3; "
                + "for p in " + keep + "; do [ -d /proc/$p ] || exit 4; done; "
                + "find " + HOME + " -mindepth 1 -delete";
        try {
            return run(List.of("sh", "-c", script), Duration.ofSeconds(20), null, USER_ID).ok();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Removes the container and starts a fresh one in its place. */
    private void replace() {
        ensureOpen();
        try {
            client.removeContainerCmd(container).withForce(true).exec();
        } catch (RuntimeException e) {
            // already gone
        }
        boot();
    }

    @Override
    public String home() {
        return HOME;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (container == null) {
            return;
        }
        try {
            client.removeContainerCmd(container).withForce(true).exec();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SandboxException("session " + id + " is closed");
        }
    }
}
