package org.envforge.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.envforge.action.Action;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.Screenshot;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.runtime.WindowInfo;
import org.envforge.runtime.X11Windows;
import org.envforge.runtime.Xwd;

/** A session in a Docker container; everything goes through docker exec. */
final class DockerSession implements Session {

    static final String HOME = "/home/envforge";

    private final DockerClient client;
    private final String container;
    private final String id;
    private final SessionRequest request;
    private volatile boolean closed;

    DockerSession(DockerClient client, String container, String id, SessionRequest request) {
        this.client = client;
        this.container = container;
        this.id = id;
        this.request = request;
    }

    void startDisplay() {
        run(List.of("sh", "-c", "mkdir -p " + HOME + " && (Xvfb :0 -screen 0 " + request.width() + "x" + request.height()
                + "x24 -nolisten tcp >/tmp/xvfb.log 2>&1 &) && for i in $(seq 100); do [ -e /tmp/.X11-unix/X0 ] && exit 0; "
                + "sleep 0.05; done; exit 1"), Duration.ofSeconds(15), null).orThrow("Xvfb in the container");
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
        ExecResultBytes r = runBytes(List.of("xwd", "-root", "-silent", "-display", ":0"), Duration.ofSeconds(20));
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
        org.envforge.runtime.XdotoolCommands.perform(action, (cmd, limit) -> run(cmd, limit, null));
    }

    @Override
    public List<WindowInfo> windows() {
        return X11Windows.list((cmd, limit) -> run(cmd, limit, null));
    }

    @Override
    public void launch(List<String> command) {
        ExecCreateCmdResponse e = client.execCreateCmd(container).withCmd(command.toArray(String[]::new))
                .withEnv(List.of("DISPLAY=:0", "HOME=" + HOME)).withWorkingDir(HOME).exec();
        client.execStartCmd(e.getId()).withDetach(true).exec(new ResultCallback.Adapter<>());
    }

    @Override
    public ExecResult exec(List<String> command) {
        return run(command, request.commandTimeout(), null);
    }

    private ExecResult run(List<String> command, Duration timeout, byte[] stdin) {
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "2", String.valueOf(Math.max(1, timeout.toSeconds()))));
        cmd.addAll(command);
        ExecResultBytes r = runBytes(cmd, timeout.plusSeconds(5), stdin);
        return new ExecResult(r.exitCode == 124 || r.exitCode == 137 ? -1 : r.exitCode, new String(r.stdout, StandardCharsets.UTF_8),
                r.stderr, r.exitCode == 124 || r.exitCode == 137, r.millis);
    }

    private record ExecResultBytes(int exitCode, byte[] stdout, String stderr, long millis) {
    }

    private ExecResultBytes runBytes(List<String> command, Duration timeout) {
        return runBytes(command, timeout, null);
    }

    private ExecResultBytes runBytes(List<String> command, Duration timeout, byte[] stdin) {
        ensureOpen();
        long t0 = System.nanoTime();
        ExecCreateCmdResponse e = client.execCreateCmd(container).withCmd(command.toArray(String[]::new)).withAttachStdout(true)
                .withAttachStderr(true).withAttachStdin(stdin != null).withEnv(List.of("DISPLAY=:0", "HOME=" + HOME))
                .withWorkingDir(HOME).exec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ResultCallback.Adapter<Frame> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame f) {
                switch (f.getStreamType()) {
                    case STDOUT, RAW -> out.writeBytes(f.getPayload());
                    case STDERR -> err.writeBytes(f.getPayload());
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
        return new ExecResultBytes(code == null ? -1 : code.intValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - t0) / 1_000_000);
    }

    @Override
    public byte[] readFile(String path) {
        String p = inHome(path);
        try (InputStream in = client.copyArchiveFromContainerCmd(container, p).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null || !entry.isFile()) {
                throw new SandboxException("not a plain file in session " + id + ": " + path);
            }
            return tar.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("cannot read " + path + " in session " + id + ": " + DockerRuntime.rootMessage(e), e);
        }
    }

    @Override
    public void writeFile(String path, byte[] content) {
        String p = inHome(path);
        String dir = p.substring(0, p.lastIndexOf('/'));
        run(List.of("mkdir", "-p", dir), Duration.ofSeconds(10), null).orThrow("mkdir");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buf)) {
            TarArchiveEntry entry = new TarArchiveEntry(p.substring(p.lastIndexOf('/') + 1));
            entry.setSize(content.length);
            entry.setUserId(1000);
            entry.setGroupId(1000);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new SandboxException("cannot pack " + path, e);
        }
        client.copyArchiveToContainerCmd(container).withRemotePath(dir)
                .withTarInputStream(new ByteArrayInputStream(buf.toByteArray())).exec();
    }

    private static String inHome(String path) {
        String p = path.startsWith("~/") ? path.substring(2) : path;
        if (p.startsWith(HOME + "/")) {
            p = p.substring(HOME.length() + 1);
        }
        if (p.startsWith("/") || java.nio.file.Path.of(p).normalize().startsWith("..")) {
            throw new SandboxException("only paths in the sandbox home can be read or written, not " + path);
        }
        return HOME + "/" + java.nio.file.Path.of(p).normalize();
    }

    @Override
    public void reset() {
        // Stop every process but Xvfb, the container's keep-alive and this shell; then empty HOME.
        run(List.of("sh", "-c", "for p in $(pgrep -u 1000); do c=$(tr '\\0' ' ' < /proc/$p/cmdline 2>/dev/null); "
                + "case \"$c\" in *Xvfb*|'sleep infinity'*|*pgrep*) ;; *) [ \"$p\" != \"$$\" ] && kill -9 \"$p\" 2>/dev/null;; esac; "
                + "done; find " + HOME + " -mindepth 1 -delete"), Duration.ofSeconds(20), null);
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
