package org.envforge.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.SandboxException;

/**
 * Runs host processes with a time limit; on timeout the process and all its descendants are
 * killed. What a process prints is kept up to a limit and the rest read and dropped, so a program
 * that prints without end neither blocks nor fills memory.
 */
public final class ProcessRunner {

    /** What is kept of a command's standard output and of its standard error. */
    public static final int MAX_OUTPUT = 8 << 20;
    /** What is kept of a launched app's output in its log file. */
    public static final int MAX_LOG = 1 << 20;

    private ProcessRunner() {
    }

    /** What a process did, with its standard output as bytes. */
    public record Bytes(int exitCode, byte[] stdout, String stderr, boolean timedOut, long millis, boolean stdoutCut) {
    }

    public static ExecResult run(List<String> command, Map<String, String> env, Path dir, Duration timeout, byte[] stdin) {
        Bytes r = runBytes(command, env, dir, timeout, stdin, MAX_OUTPUT);
        return new ExecResult(r.exitCode(), new String(r.stdout(), StandardCharsets.UTF_8), r.stderr(), r.timedOut(), r.millis());
    }

    public static Bytes runBytes(List<String> command, Map<String, String> env, Path dir, Duration timeout, byte[] stdin, int maxStdout) {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new SandboxException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        Drain out = new Drain(p.getInputStream(), new ByteArrayOutputStream(), maxStdout);
        Drain err = new Drain(p.getErrorStream(), new ByteArrayOutputStream(), MAX_OUTPUT);
        out.start();
        err.start();
        try {
            if (stdin != null) {
                p.getOutputStream().write(stdin);
            }
            p.getOutputStream().close();
        } catch (IOException e) {
            // the process may have exited already; its exit code tells
        }
        boolean done;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
            throw new SandboxException("interrupted while running " + command.get(0));
        }
        if (!done) {
            kill(p);
        }
        out.await(2000);
        err.await(2000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Bytes(done ? p.exitValue() : -1, out.bytes(), err.text(), !done, ms, out.cut());
    }

    /**
     * Starts a long-running process whose output (standard output and error together) goes to a
     * log file, at most {@link #MAX_LOG} bytes of it.
     */
    public static Process startLogged(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        new Drain(p.getInputStream(), Files.newOutputStream(log), MAX_LOG).start();
        return p;
    }

    /** Kills a process and every descendant, children first, then waits briefly for them. */
    public static void kill(Process p) {
        kill(p.toHandle());
    }

    public static void kill(ProcessHandle h) {
        List<ProcessHandle> tree = h.descendants().toList();
        h.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            h.onExit().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort
        }
    }

    /** Reads a stream to its end on its own thread (so a full pipe never blocks the child), keeping the first bytes. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final OutputStream sink;
        private final long max;
        private long kept;
        private volatile boolean cut;

        Drain(InputStream in, OutputStream sink, long max) {
            this.in = in;
            this.sink = sink;
            this.max = max;
            setDaemon(true);
            setName("envforge-drain");
        }

        @Override
        public void run() {
            byte[] b = new byte[8192];
            try (in; sink) {
                int n;
                while ((n = in.read(b)) > 0) {
                    int keep = (int) Math.min(n, max - kept);
                    if (keep > 0) {
                        sink.write(b, 0, keep);
                        kept += keep;
                    }
                    if (keep < n && !cut) {
                        cut = true;
                        if (!(sink instanceof ByteArrayOutputStream)) {
                            sink.write(("\n[envforge: output cut after " + max + " bytes]\n").getBytes(StandardCharsets.UTF_8));
                            sink.flush();
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        void await(long ms) {
            try {
                join(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean cut() {
            return cut;
        }

        byte[] bytes() {
            return ((ByteArrayOutputStream) sink).toByteArray();
        }

        String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }
    }
}
