package org.envforge.engine;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.envforge.action.Action;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.PngEncoder;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.Screenshot;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.runtime.WindowInfo;

/**
 * A runtime without sandboxes, for engine tests that need no real app: its sessions show one
 * window titled "Stub", answer commands with what the test says, and read no files.
 */
final class FakeSandbox implements SandboxRuntime {

    private static final int W = 320;
    private static final int H = 200;

    private final Supplier<List<String>> missing;
    private final Function<SessionRequest, Session> start;
    final AtomicInteger starts = new AtomicInteger();

    private FakeSandbox(Supplier<List<String>> missing, Function<SessionRequest, Session> start) {
        this.missing = missing;
        this.start = start;
    }

    /** Sessions whose commands all answer with {@code exec}. */
    static FakeSandbox answering(Function<List<String>, ExecResult> exec) {
        return new FakeSandbox(List::of, r -> new FakeSession(exec));
    }

    /** Sessions whose commands all succeed and print nothing. */
    static FakeSandbox quiet() {
        return answering(c -> new ExecResult(0, "", "", false, 1));
    }

    /** A runtime whose every start fails with this message. */
    static FakeSandbox failingToStart(String message) {
        return new FakeSandbox(List::of, r -> {
            throw new SandboxException(message);
        });
    }

    /** A runtime that says what it misses (and would start sessions anyway). */
    static FakeSandbox missing(String what) {
        return new FakeSandbox(() -> List.of(what), r -> new FakeSession(c -> new ExecResult(0, "", "", false, 1)));
    }

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public List<String> missing() {
        return missing.get();
    }

    @Override
    public Session start(SessionRequest request) {
        starts.incrementAndGet();
        return start.apply(request);
    }

    /** A session with a blank screen and one "Stub" window. */
    static final class FakeSession implements Session {
        private final Function<List<String>, ExecResult> exec;

        FakeSession(Function<List<String>, ExecResult> exec) {
            this.exec = exec;
        }

        @Override
        public String id() {
            return "fake-session";
        }

        @Override
        public int width() {
            return W;
        }

        @Override
        public int height() {
            return H;
        }

        @Override
        public Screenshot screenshot() {
            return new Screenshot(PngEncoder.encode(pixels(), W, H), W, H, Instant.now());
        }

        @Override
        public int[] pixels() {
            return new int[W * H];
        }

        @Override
        public void act(Action action) {
            waitIfWaiting(action);
        }

        @Override
        public List<WindowInfo> windows() {
            return List.of(new WindowInfo("0x1", "Stub", "XTerm", 0, 0, W, H));
        }

        @Override
        public void launch(List<String> command) {
        }

        @Override
        public ExecResult exec(List<String> command) {
            return exec.apply(command);
        }

        @Override
        public byte[] readFile(String path) {
            throw new SandboxException("no file " + path + " in a fake session");
        }

        @Override
        public void writeFile(String path, byte[] content) {
        }

        @Override
        public void reset() {
        }

        @Override
        public String home() {
            return "/home/envforge";
        }

        @Override
        public void close() {
        }
    }
}
