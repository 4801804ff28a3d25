package org.envforge.runtime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.TtyExecOutputErrorable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.envforge.action.Action;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.Screenshot;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.runtime.WindowInfo;
import org.envforge.runtime.X11Windows;
import org.envforge.runtime.XdotoolCommands;
import org.envforge.runtime.Xwd;

/** A session in a pod; everything goes through exec into its sandbox container. Closing it deletes the pod. */
final class KubernetesSession implements Session {

    /** How long past a command's own limit to wait for the exec stream before giving up on it. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final int STDIN_CHUNK = 8192;

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final SessionRequest request;
    private final Consumer<KubernetesSession> onClose;
    private volatile boolean closed;

    KubernetesSession(KubernetesClient client, String namespace, String pod, SessionRequest request,
            Consumer<KubernetesSession> onClose) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.request = request;
        this.onClose = onClose;
    }

    /** The pod name. */
    @Override
    public String id() {
        return pod;
    }

    @Override
    public int width() {
        return request.width();
    }

    @Override
    public int height() {
        return request.height();
    }

    private byte[] xwd() {
        Bytes r = run(PodCommands.screenshot(), Duration.ofSeconds(20), null);
        if (r.exitCode != 0) {
            throw new SandboxException("xwd failed in pod " + pod + " (exit " + r.exitCode + "): " + r.stderr.strip());
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.stdout))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SandboxException("the screenshot from pod " + pod + " is not gzipped XWD: " + e.getMessage(), e);
        }
    }

    @Override
    public int[] pixels() {
        return Xwd.pixels(ByteBuffer.wrap(xwd()));
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
        XdotoolCommands.perform(action, (cmd, limit) -> result(cmd, limit, null));
    }

    @Override
    public List<WindowInfo> windows() {
        return X11Windows.list((cmd, limit) -> result(cmd, limit, null));
    }

    @Override
    public void launch(List<String> command) {
        result(PodCommands.launch(command), Duration.ofSeconds(20), null).orThrow("launching " + command.get(0));
    }

    @Override
    public ExecResult exec(List<String> command) {
        return result(command, request.commandTimeout(), null);
    }

    @Override
    public byte[] readFile(String path) {
        Bytes r = run(PodCommands.readFile(PodCommands.inHome(path)), Duration.ofSeconds(60), null);
        if (r.exitCode == 3) {
            throw new SandboxException("not a plain file in session " + pod + ": " + path);
        }
        if (r.exitCode != 0) {
            throw new SandboxException("cannot read " + path + " in session " + pod + " (exit " + r.exitCode + "): " + r.stderr.strip());
        }
        return r.stdout;
    }

    @Override
    public void writeFile(String path, byte[] content) {
        result(PodCommands.writeFile(PodCommands.inHome(path), content.length), Duration.ofSeconds(60), content)
                .orThrow("writing " + path + " in session " + pod);
    }

    @Override
    public void reset() {
        result(PodCommands.reset(), Duration.ofSeconds(20), null);
    }

    @Override
    public String home() {
        return PodCommands.HOME;
    }

    /** Deletes the pod and frees its slot (once). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.accept(this);
    }

    private ExecResult result(List<String> command, Duration limit, byte[] stdin) {
        Bytes r = run(command, limit, stdin);
        boolean timedOut = PodCommands.timedOut(r.exitCode);
        return new ExecResult(timedOut ? -1 : r.exitCode, new String(r.stdout, StandardCharsets.UTF_8), r.stderr, timedOut, r.millis);
    }

    private record Bytes(int exitCode, byte[] stdout, String stderr, long millis) {
    }

    /** Runs the command under a time limit through exec; stdin, when given, is written to it. */
    private Bytes run(List<String> command, Duration limit, byte[] stdin) {
        if (closed) {
            throw new SandboxException("session " + pod + " is closed");
        }
        long t0 = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ContainerResource container = client.pods().inNamespace(namespace).withName(pod).inContainer(PodSpecs.CONTAINER);
        TtyExecOutputErrorable exec = stdin == null ? container : container.redirectingInput();
        String what = command.get(0) + " in pod " + pod;
        try (ExecWatch watch = exec.writingOutput(out).writingError(err)
                .exec(PodCommands.limited(command, limit).toArray(String[]::new))) {
            if (stdin != null && stdin.length > 0) {
                // In websocket-frame-sized pieces (API servers and proxies limit frame sizes).
                OutputStream in = watch.getInput();
                for (int off = 0; off < stdin.length; off += STDIN_CHUNK) {
                    in.write(stdin, off, Math.min(STDIN_CHUNK, stdin.length - off));
                }
                in.flush();
            }
            Integer code = watch.exitCode().get(limit.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            return new Bytes(code == null ? -1 : code, out.toByteArray(), err.toString(StandardCharsets.UTF_8),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (TimeoutException e) {
            return new Bytes(124, out.toByteArray(), err.toString(StandardCharsets.UTF_8) + "\n(no answer from the exec stream)",
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while running " + what);
        } catch (ExecutionException e) {
            throw new SandboxException("exec of " + what + " failed: " + KubernetesRuntime.rootMessage(e), e);
        } catch (IOException | KubernetesClientException e) {
            throw new SandboxException("exec of " + what + " failed: " + KubernetesRuntime.rootMessage(e), e);
        }
    }

}
