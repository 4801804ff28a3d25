package org.envforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.envforge.runtime.local.LocalRuntime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a script inside a session cannot do: reach the network, write outside the session folder,
 * read the host user's home, the data folder or another session's files, run past its time
 * limit, or outlive the session.
 */
class SandboxSecurityTest {

    @TempDir
    Path dir;

    @Test
    void noNetwork() {
        LocalRuntime rt = Sandboxes.local(dir);
        try (Session s = rt.start(SessionRequest.defaults("net"))) {
            ExecResult r = s.shell("exec 3<>/dev/tcp/1.1.1.1/53 && echo connected; "
                    + "getent hosts example.com || echo no-dns; tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '");
            assertThat(r.stdout()).doesNotContain("connected").contains("no-dns");
            assertThat(r.stdout().strip().split("\\s+")).containsExactly("no-dns", "lo");
        }
    }

    @Test
    void cannotWriteOutsideTheSessionFolder() throws IOException {
        LocalRuntime rt = Sandboxes.local(dir);
        String marker = "envforge-escape-" + System.nanoTime();
        try (Session s = rt.start(SessionRequest.defaults("write"))) {
            ExecResult r = s.shell("touch /etc/" + marker + " 2>&1; touch /usr/" + marker + " 2>&1; echo x > /tmp/" + marker
                    + "; echo x > /var/tmp/" + marker + "; echo ok > ~/inside.txt");
            assertThat(r.stdout()).contains("Read-only file system");
            assertThat(s.readFile("~/inside.txt")).isEqualTo("ok\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Path.of("/etc", marker)).doesNotExist();
        assertThat(Path.of("/usr", marker)).doesNotExist();
        assertThat(Path.of("/tmp", marker)).doesNotExist();
        assertThat(Path.of("/var/tmp", marker)).doesNotExist();
    }

    @Test
    void cannotReadTheHostHomeTheDataFolderOrAnotherSession() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("envforge.db"), "secret-db");
        Path userHome = Path.of(System.getProperty("user.home"));
        Optional<Path> homeSecret = Optional.empty();
        if (Files.isWritable(userHome)) {
            homeSecret = Optional.of(Files.writeString(userHome.resolve(".envforge-test-secret-" + System.nanoTime()), "s3cret"));
        }
        LocalRuntime rt = Sandboxes.local(dir);
        try (Session a = rt.start(SessionRequest.defaults("a")); Session b = rt.start(SessionRequest.defaults("b"))) {
            a.writeFile("~/private.txt", "only-a".getBytes(StandardCharsets.UTF_8));
            Path aHome = rt.sessionsRoot().resolve(a.id()).resolve("home");
            ExecResult r = b.shell("cat " + aHome.resolve("private.txt") + " 2>&1; cat " + data.resolve("envforge.db") + " 2>&1; "
                    + homeSecret.map(p -> "cat " + p + " 2>&1;").orElse("") + " ls -A /root | wc -l");
            assertThat(r.stdout()).doesNotContain("only-a").doesNotContain("secret-db").doesNotContain("s3cret");
            assertThat(r.stdout()).contains("No such file or directory");
            assertThat(r.stdout().strip()).endsWith("0");
            // A link made inside the sandbox cannot trick the host side into reading outside it.
            b.shell("ln -s /etc/hostname ~/hostname-link");
            assertThatThrownBy(() -> b.readFile("~/hostname-link")).hasMessageContaining("link");
            assertThatThrownBy(() -> b.readFile("../" + a.id() + "/home/private.txt")).hasMessageContaining("outside the sandbox home");
        } finally {
            if (homeSecret.isPresent()) {
                Files.deleteIfExists(homeSecret.get());
            }
        }
    }

    /**
     * Run as root (as CI and many lab machines do), a user namespace would map the sandbox user to
     * the host's root: every root-only host file readable. Each session must run as an
     * unprivileged uid of its own, with no capabilities and no way to gain any.
     */
    @Test
    void asRootTheSandboxUserOwnsNothingOnTheHost() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "only meaningful when EnvForge runs as root");
        LocalRuntime rt = Sandboxes.local(dir);
        try (Session a = rt.start(SessionRequest.defaults("root-a")); Session b = rt.start(SessionRequest.defaults("root-b"))) {
            ExecResult r = a.shell("id -u; id -un; cat /etc/shadow 2>&1 | head -c 200; echo; ls /var/lib/docker 2>&1 | head -c 200; echo; "
                    + "grep -E '^(CapEff|CapBnd|NoNewPrivs)' /proc/self/status; touch /etc/x 2>&1; su -c id 2>&1 | head -1");
            String[] lines = r.stdout().split("\n");
            long uid = Long.parseLong(lines[0].strip());
            assertThat(uid).as(r.stdout()).isNotZero().isGreaterThanOrEqualTo(65536);
            assertThat(lines[1]).isEqualTo("envforge");
            assertThat(r.stdout()).contains("/etc/shadow: Permission denied").doesNotContain("root:");
            assertThat(r.stdout()).containsPattern("CapEff:\\s+0+\\n").containsPattern("CapBnd:\\s+0+\\n")
                    .containsPattern("NoNewPrivs:\\s+1");
            if (Files.isDirectory(Path.of("/var/lib/docker"))) {
                assertThat(r.stdout()).contains("Permission denied");
            }
            // Files the session makes belong to its own uid on the host; another session has another uid.
            a.writeFile("~/mine.txt", "a".getBytes(StandardCharsets.UTF_8));
            assertThat(a.shell("stat -c %u ~/mine.txt").stdout().strip()).isEqualTo(Long.toString(uid));
            long other = Long.parseLong(b.shell("id -u").stdout().strip());
            assertThat(other).isNotEqualTo(uid).isNotZero();
        }
    }

    /**
     * Another EnvForge's data folder (with the screens and logs of its sessions) is not hidden from
     * this one's sandboxes as their own is, so it must be closed by its mode: a data folder is its
     * user's alone.
     */
    @Test
    void anotherDataFolderIsClosedToASandbox() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "a sandbox of an ordinary user runs as that user");
        Path other = Path.of("/var/lib/envforge-test-other-" + System.nanoTime());
        try {
            try (org.envforge.store.Store st = org.envforge.store.Store.open(other)) {
                Files.writeString(Files.createDirectories(other.resolve("sessions/s1/fb")).resolve("Xvfb_screen0"), "screen");
                assertThat(st.schemaVersion()).isPositive();
            }
            LocalRuntime rt = Sandboxes.local(dir);
            try (Session s = rt.start(SessionRequest.defaults("other"))) {
                ExecResult r = s.shell("ls " + other + " 2>&1; cat " + other + "/sessions/s1/fb/Xvfb_screen0 2>&1; head -c 16 " + other
                        + "/envforge.db 2>&1");
                assertThat(r.stdout()).contains("Permission denied").doesNotContain("screen\n").doesNotContain("SQLite format");
            }
        } finally {
            try (Stream<Path> walk = Files.walk(other)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void aRunawayScriptIsKilledAtItsLimit() {
        LocalRuntime rt = Sandboxes.local(dir);
        try (Session s = rt.start(SessionRequest.defaults("runaway").withCommandTimeout(Duration.ofSeconds(2)))) {
            long t0 = System.nanoTime();
            ExecResult r = s.shell("sleep 300 & sleep 300; echo never");
            assertThat(r.timedOut()).isTrue();
            assertThat(r.stdout()).doesNotContain("never");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
            assertThat(sleepers()).as("no sleep 300 left").isZero();
        }
        try (Session s = rt.start(SessionRequest.defaults("memory").withMemory(256L << 20))) {
            ExecResult r = s.shell("python3 -c 'x = bytearray(1024 * 1024 * 1024); x[::4096] = b\"x\" * len(x[::4096]); print(len(x))'");
            assertThat(r.ok()).isFalse();
            assertThat(r.stdout()).doesNotContain("1073741824");
        }
    }

    @Test
    void nothingOfASessionOutlivesIt() throws Exception {
        Sandboxes.requireTools(List.of("xterm"));
        LocalRuntime rt = Sandboxes.local(dir);
        Session s = rt.start(SessionRequest.defaults("leak"));
        s.launch(List.of("xterm"));
        s.launch(List.of("bash", "-c", "sleep 1000 & sleep 1000"));
        s.awaitWindow(java.util.regex.Pattern.compile("xterm"), Duration.ofSeconds(10)).orElseThrow();
        String folder = rt.sessionsRoot().resolve(s.id()).toString();
        assertThat(processesMentioning(folder)).isGreaterThanOrEqualTo(3); // Xvfb and two bwraps
        s.close();
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (processesMentioning(folder) > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(processesMentioning(folder)).isZero();
        assertThat(sleepers()).isZero();
        assertThat(Path.of(folder)).doesNotExist();
    }

    /** Processes whose command line mentions the text (the session folder is in every one of them). */
    static long processesMentioning(String text) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false)).count();
    }

    static long sleepers() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(c -> c.matches(".*sleep (300|1000)$")).orElse(false)).count();
        }
    }
}
