package org.envforge.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envforge.runtime.SandboxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell the pod runs: checked by running the same command lines with the local sh and coreutils. */
class KubernetesPodCommandsTest {

    @TempDir
    Path dir;

    private record Run(int exit, byte[] stdout) {
    }

    private static Run run(List<String> command, byte[] stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // Like the exec websocket, stdin is never closed: the command must stop reading by itself.
        p.getOutputStream().write(stdin);
        p.getOutputStream().flush();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("the command ended").isTrue();
        p.getOutputStream().close();
        return new Run(p.exitValue(), out);
    }

    @Test
    void writeFileReadsExactlyTheLengthGivenAndCreatesFolders() throws Exception {
        Path f = dir.resolve("a b/c/notes.txt");
        byte[] data = "hello world".getBytes(StandardCharsets.UTF_8);
        assertThat(run(PodCommands.writeFile(f.toString(), 5), data).exit()).isZero();
        assertThat(Files.readString(f)).isEqualTo("hello");
        assertThat(Files.exists(Path.of(f + ".part"))).isFalse();

        assertThat(run(PodCommands.readFile(f.toString()), new byte[0])).satisfies(r -> {
            assertThat(r.exit()).isZero();
            assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo("hello");
        });
        assertThat(run(PodCommands.readFile(dir.resolve("missing").toString()), new byte[0]).exit()).isEqualTo(3);
        assertThat(run(PodCommands.readFile(dir.toString()), new byte[0]).exit()).isEqualTo(3);
    }

    @Test
    void launchReturnsAtOnceAndTheProgramRuns() throws Exception {
        Path marker = dir.resolve("launched");
        List<String> cmd = new ArrayList<>(PodCommands.launch(List.of("sh", "-c", "sleep 0.2; echo \"$0\" > \"$1\"", "it's",
                marker.toString())));
        long t0 = System.nanoTime();
        assertThat(run(cmd, new byte[0]).exit()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(FakeCluster.eventually(() -> Files.exists(marker) && readQuietly(marker).equals("it's\n"))).isTrue();
    }

    @Test
    void aTimeLimitIsEnforcedAndReported() throws Exception {
        Run r = run(PodCommands.limited(List.of("sleep", "30"), Duration.ofSeconds(1)), new byte[0]);
        assertThat(PodCommands.timedOut(r.exit())).isTrue();
        assertThat(PodCommands.timedOut(run(PodCommands.limited(List.of("sh", "-c", "exit 3"), Duration.ofSeconds(5)), new byte[0]).exit()))
                .isFalse();
    }

    @Test
    void pathsStayInHome() {
        assertThat(PodCommands.inHome("~/a/./b.txt")).isEqualTo("/home/envforge/a/b.txt");
        assertThat(PodCommands.inHome("a.txt")).isEqualTo("/home/envforge/a.txt");
        assertThat(PodCommands.inHome("/home/envforge/x/y")).isEqualTo("/home/envforge/x/y");
        for (String bad : List.of("/etc/passwd", "~/../x", "../x", "a/../../x", "", "~/")) {
            assertThatThrownBy(() -> PodCommands.inHome(bad)).as(bad).isInstanceOf(SandboxException.class);
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
