package org.envforge.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.envforge.runtime.Sandboxes;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing of a session outlives it: a normal close leaves no X lock or socket, and what an
 * EnvForge killed with SIGKILL leaves (session folders, control groups, X locks; never a mount)
 * is removed by the next EnvForge before its first session, while the sessions of EnvForge
 * processes still running are left alone.
 */
class LeftoversTest {

    @TempDir
    Path dir;

    @Test
    void aClosedSessionLeavesNoXLockOrSocket() throws Exception {
        LocalRuntime rt = Sandboxes.local(dir);
        String display;
        Path folder;
        try (LocalSession s = (LocalSession) rt.start(SessionRequest.defaults("close"))) {
            display = s.displayName().substring(1);
            folder = s.folder();
            assertThat(Path.of("/tmp/.X" + display + "-lock")).exists();
        }
        assertThat(Path.of("/tmp/.X" + display + "-lock")).doesNotExist();
        assertThat(Path.of("/tmp/.X11-unix/X" + display)).doesNotExist();
        assertThat(folder).doesNotExist();
        assertThat(mountsUnder(folder)).isEmpty();
    }

    /** Mount points on the host at or below the folder (a session's home must never be one). */
    static java.util.List<String> mountsUnder(Path folder) throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" ")[4])
                .filter(m -> m.startsWith(folder.toString())).toList();
    }

    @Test
    void whatAKilledEnvForgeLeftIsRemovedBeforeTheNextSession() throws Exception {
        Sandboxes.local(dir); // skips when the sandbox tools are missing
        Path root = dir.resolve("sessions");
        SessionHolder.Held killed = SessionHolder.start(root);
        SessionHolder.Held alive = SessionHolder.start(root);
        try {
            String killedLock = Files.readString(killed.lock());
            killed.process().destroyForcibly().waitFor();
            Path left = root.resolve(killed.id());
            long xvfb = Long.parseLong(killedLock.strip());
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((Pids.running(xvfb) || ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                    .map(c -> c.contains(left.toString())).orElse(false))) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            // What the kill left behind.
            assertThat(left).exists();
            assertThat(killed.lock()).exists();
            // Nothing is mounted on the host: a home's file system lived in a namespace that died with its holder.
            assertThat(mountsUnder(left)).isEmpty();
            Cgroups cg = Cgroups.detect().orElse(null);
            if (cg != null) {
                assertThat(cg.groupsOf(List.of(killed.id()))).isNotEmpty();
            }

            LocalRuntime next = new LocalRuntime(root, List.of(dir.resolve("data")), false);
            try (Session s = next.start(SessionRequest.defaults("next"))) {
                assertThat(s.shell("echo ok").stdout()).isEqualTo("ok\n");
            }
            assertThat(left).doesNotExist();
            // Gone, or taken since by a new X server (another EnvForge may start one on the freed number at once).
            assertThat(!Files.exists(killed.lock()) || !Files.readString(killed.lock()).equals(killedLock)).isTrue();
            assertThat(!Files.exists(killed.socket()) || Files.exists(killed.lock())).isTrue();
            if (cg != null) {
                assertThat(cg.groupsOf(List.of(killed.id()))).isEmpty();
            }
            // The live process's session is untouched.
            assertThat(root.resolve(alive.id())).exists();
            assertThat(alive.lock()).exists();
            if (cg != null) {
                assertThat(cg.groupsOf(List.of(alive.id()))).isNotEmpty();
            }
        } finally {
            killed.process().destroyForcibly();
            long xvfb = Files.exists(alive.lock()) ? Long.parseLong(Files.readString(alive.lock()).strip()) : -1;
            alive.process().destroyForcibly().waitFor();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Pids.running(xvfb) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            new LocalRuntime(root, List.of(), false).sweep();
        }
    }
}
