package org.envforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The limits of a whole session, not of one program: memory shared by all its programs, a
 * process count, and the size of what it may write (home and scratch folders), and what a command
 * prints kept to a bound. Run against each runtime; where the host cannot enforce a limit, the
 * runtime must say so in its guards (shown by doctor) instead, and the test is skipped.
 */
public abstract class LimitsContract {

    private static final SessionLimits SMALL = new SessionLimits(512L << 20, 64, 64L << 20, 32L << 20);

    protected abstract SandboxRuntime runtime();

    private SandboxRuntime runtimeWhereLimitsHold() {
        SandboxRuntime rt = runtime();
        Map<String, Guard> g = rt.guards().stream().collect(Collectors.toMap(Guard::what, x -> x));
        assertThat(g).containsKeys("runs as", "memory", "processes", "disk", "output");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            // Not enforced without root: the guards must say so rather than claim them.
            assertThat(g.get("processes").holds()).isFalse();
            assertThat(g.get("disk").holds()).isFalse();
        }
        Assumptions.assumeTrue(g.get("memory").holds() && g.get("processes").holds() && g.get("disk").holds(),
                () -> "session limits do not hold here: " + rt.guards());
        return rt;
    }

    @Test
    void memoryIsSharedByAllTheProgramsOfASession() {
        SandboxRuntime rt = runtimeWhereLimitsHold();
        try (Session s = rt.start(SessionRequest.defaults("mem").withLimits(SMALL))) {
            // Four programs of 200 MiB each: each fits a per-program limit, together they exceed the session's 512 MiB.
            // Each says it is done only after holding its memory for 3 s.
            String hog = "python3 -c 'import time; x = bytearray(200 << 20); x[::4096] = b\"x\" * len(x[::4096]); time.sleep(3); "
                    + "open(\"/home/envforge/done-%d\", \"w\").close()'";
            for (int i = 0; i < 3; i++) {
                s.launch(List.of("bash", "-c", String.format(hog, i)));
            }
            ExecResult last = s.shell(String.format(hog, 3) + "; echo exit=$?");
            Session.pause(2000);
            long done = Long.parseLong(s.shell("ls ~ | grep -c done- || true").stdout().strip());
            assertThat(done).as("programs that held their 200 MiB to the end (last: %s)", last.stdout()).isLessThan(4);
        }
    }

    @Test
    void processesAreCountedForTheWholeSession() throws Exception {
        SandboxRuntime rt = runtimeWhereLimitsHold();
        try (Session s = rt.start(SessionRequest.defaults("pids").withLimits(SMALL))) {
            // Each program tries to start 100 processes and keeps those it got (shells give up or retry for long).
            String spawn = "import os, sys, time\nn = 0\nfor i in range(100):\n    try:\n        if os.fork() == 0:\n"
                    + "            os.execvp('sleep', ['sleep', '60'])\n        n += 1\n    except OSError:\n        pass\n"
                    + "print(n, flush=True)\ntime.sleep(float(sys.argv[1]))\n";
            s.launch(List.of("python3", "-c", spawn, "60"));
            s.launch(List.of("python3", "-c", spawn, "60"));
            Session.pause(1000);
            ExecResult r = s.exec(List.of("python3", "-c", spawn, "0"));
            assertThat(r.timedOut()).isFalse();
            // The third program gets fewer than it asked for, or cannot even start.
            assertThat(r.stdout().isBlank() ? 0 : Integer.parseInt(r.stdout().strip())).as("processes the third program got: %s", r)
                    .isLessThan(100);
            long sleeping = countSleepers();
            assertThat(sleeping).as("sleep processes of the session (limit 64 in all)").isLessThanOrEqualTo(64).isGreaterThan(10);
        }
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (countSleepers() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(countSleepers()).isZero();
    }

    @Test
    void aResetAfterEveryProcessSlotIsTakenLeavesAWorkingSession() throws Exception {
        SandboxRuntime rt = runtimeWhereLimitsHold();
        try (Session s = rt.start(SessionRequest.defaults("slots").withLimits(SMALL))) {
            // Programs that take every process slot and keep it, and a fork bomb left running; meanwhile clients come
            // and go on the display (a server that resets when its last client leaves cannot start its keymap compiler).
            String hold = "import os, time\nfor i in range(200):\n    try:\n        if os.fork() == 0:\n"
                    + "            os.execvp('sleep', ['sleep', '60'])\n    except OSError:\n        time.sleep(0.01)\ntime.sleep(60)\n";
            s.launch(List.of("python3", "-c", hold));
            s.launch(List.of("setsid", "bash", "-c", "b() { b | b & }; b"));
            Session.pause(1500);
            for (int i = 0; i < 3; i++) {
                try {
                    s.screenshot();
                } catch (SandboxException expected) {
                    // no slot left for the screenshot program
                }
            }
            s.reset();
            assertThat(s.shell("echo ok").stdout()).isEqualTo("ok\n");
            assertThat(s.windows()).isEmpty();
            assertThat(s.screenshot().width()).isEqualTo(s.width());
            s.launch(List.of("xterm", "-T", "after-the-bomb"));
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (s.windows().stream().noneMatch(w -> w.title().contains("after-the-bomb")) && System.nanoTime() < end) {
                Session.pause(50);
            }
            assertThat(s.windows()).as("a new program shows its window").anyMatch(w -> w.title().contains("after-the-bomb"));
        }
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (countSleepers() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(countSleepers()).as("left: %s", sleepers()).isZero();
    }

    @Test
    void whatASessionWritesHasASize() {
        SandboxRuntime rt = runtimeWhereLimitsHold();
        try (Session s = rt.start(SessionRequest.defaults("disk").withLimits(SMALL))) {
            for (String where : List.of("/tmp", "/var/tmp", "/dev/shm", "/run", "~")) {
                ExecResult r = s.shell("(head -c 200M /dev/zero > " + where + "/big) 2>&1; echo; du -m " + where
                        + "/big 2>/dev/null | cut -f1");
                String[] out = r.stdout().strip().split("\n");
                String last = out[out.length - 1].strip();
                long mib = last.matches("\\d+") ? Long.parseLong(last) : 0;
                assertThat(mib).as(where + ": " + r.stdout()).isLessThanOrEqualTo(64);
                // Full, or not writable at all (Docker's /run).
                assertThat(r.stdout()).as(where).containsAnyOf("No space left on device", "Permission denied");
            }
            // The session still works after a full disk.
            s.shell("rm -f ~/big");
            s.writeFile("~/after.txt", "ok".getBytes());
            assertThat(new String(s.readFile("~/after.txt"))).isEqualTo("ok");
        }
    }

    @Test
    void whatACommandPrintsIsKeptToABound() {
        try (Session s = runtime().start(SessionRequest.defaults("output"))) {
            ExecResult r = s.shell("head -c 300M /dev/zero | tr '\\0' a; head -c 300M /dev/zero | tr '\\0' b >&2; echo done");
            assertThat(r.stdout().length()).isBetween(1 << 20, 9 << 20);
            assertThat(r.stderr().length()).isBetween(1 << 20, 9 << 20);
            assertThat(s.shell("echo still").stdout()).isEqualTo("still\n");
        }
    }

    @Test
    void theSandboxRootIsReadOnly() {
        try (Session s = runtime().start(SessionRequest.defaults("readonly"))) {
            ExecResult r = s.shell("for d in /etc /usr /var /opt /; do touch $d/envforge-probe 2>/dev/null && echo wrote $d; done; "
                    + "echo end");
            assertThat(r.stdout()).isEqualTo("end\n");
        }
    }

    private static String sleepers() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(c -> c.equals("/usr/bin/sleep 60") || c.equals("sleep 60")).orElse(false))
                    .map(p -> p.pid() + " " + p.info().user().orElse("?") + " parent " + p.parent().map(q -> q.pid() + " "
                            + q.info().commandLine().orElse("?")).orElse("none") + " started " + p.info().startInstant().orElse(null))
                    .collect(Collectors.joining("; "));
        }
    }

    private static long countSleepers() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(c -> c.equals("/usr/bin/sleep 60") || c.equals("sleep 60")).orElse(false))
                    .count();
        }
    }
}
