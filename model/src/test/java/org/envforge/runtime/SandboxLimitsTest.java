package org.envforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.envforge.runtime.local.LocalRuntime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of a whole session, not of one program: memory shared by all its programs, a
 * process count, and the size of what it may write (home and scratch folders). Where the host
 * cannot enforce one, the runtime says so in its guards (shown by doctor) instead.
 */
class SandboxLimitsTest {

    @TempDir
    Path dir;

    private static final SessionLimits SMALL = new SessionLimits(512L << 20, 64, 64L << 20, 32L << 20);

    private LocalRuntime runtimeWhereLimitsHold() {
        LocalRuntime rt = Sandboxes.local(dir);
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
        LocalRuntime rt = runtimeWhereLimitsHold();
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
        LocalRuntime rt = runtimeWhereLimitsHold();
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
    void whatASessionWritesHasASize() {
        LocalRuntime rt = runtimeWhereLimitsHold();
        try (Session s = rt.start(SessionRequest.defaults("disk").withLimits(SMALL))) {
            for (String where : List.of("/tmp", "/var/tmp", "/dev/shm", "/run", "~")) {
                ExecResult r = s.shell("(head -c 200M /dev/zero > " + where + "/big) 2>&1; echo; du -m " + where + "/big | cut -f1");
                String[] out = r.stdout().strip().split("\n");
                long mib = Long.parseLong(out[out.length - 1].strip());
                assertThat(mib).as(where + ": " + r.stdout()).isLessThanOrEqualTo(64);
                assertThat(r.stdout()).as(where).contains("No space left on device");
            }
            // The session still works after a full disk.
            s.shell("rm -f ~/big");
            s.writeFile("~/after.txt", "ok".getBytes());
            assertThat(new String(s.readFile("~/after.txt"))).isEqualTo("ok");
        }
    }

    private static long countSleepers() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(c -> c.equals("/usr/bin/sleep 60") || c.equals("sleep 60")).orElse(false))
                    .count();
        }
    }
}
