package org.envforge.runtime.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.SandboxException;

/** Runs host processes with a time limit; on timeout the process and all its descendants are killed. */
final class ProcessRunner {

    private static final int MAX_OUTPUT = 8 << 20;

    private ProcessRunner() {
    }

    static ExecResult run(List<String> command, Map<String, String> env, Path dir, Duration timeout, byte[] stdin) {
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
        Drain out = new Drain(p.getInputStream());
        Drain err = new Drain(p.getErrorStream());
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
        return new ExecResult(done ? p.exitValue() : -1, out.text(), err.text(), !done, ms);
    }

    /** Kills a process and every descendant, children first, then waits briefly for them. */
    static void kill(Process p) {
        kill(p.toHandle());
    }

    static void kill(ProcessHandle h) {
        List<ProcessHandle> tree = h.descendants().toList();
        h.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            h.onExit().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort
        }
    }

    /** Reads a stream fully on its own thread (so a full pipe never blocks the child). */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Drain(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] b = new byte[8192];
            try {
                int n;
                while ((n = in.read(b)) > 0) {
                    if (buf.size() < MAX_OUTPUT) {
                        buf.write(b, 0, Math.min(n, MAX_OUTPUT - buf.size()));
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

        String text() {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}
