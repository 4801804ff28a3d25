package org.envforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.envforge.action.Action;
import org.junit.jupiter.api.Test;

/**
 * What every runtime must do, run against each runtime (local always; Docker when an engine
 * answers). Subclasses provide the runtime.
 */
public abstract class RuntimeContract {

    protected abstract SandboxRuntime runtime();

    @Test
    void aSessionShowsAScreenRunsCommandsAndKeepsFiles() {
        try (Session s = runtime().start(SessionRequest.defaults("contract").withSize(1024, 768))) {
            Screenshot shot = s.screenshot();
            assertThat(shot.width()).isEqualTo(1024);
            assertThat(shot.height()).isEqualTo(768);
            assertThat(shot.png()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            assertThat(s.pixels()).hasSize(1024 * 768);
            s.writeFile("~/notes/a.txt", "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(s.exec(List.of("cat", s.home() + "/notes/a.txt")).stdout()).isEqualTo("hello");
            assertThat(s.shell("echo world > ~/notes/b.txt").ok()).isTrue();
            assertThat(new String(s.readFile("~/notes/b.txt"), StandardCharsets.UTF_8)).isEqualTo("world\n");
            assertThatThrownBy(() -> s.readFile("/etc/passwd")).isInstanceOf(SandboxException.class);
            assertThat(s.shell("exit 3").exitCode()).isEqualTo(3);
            s.reset();
            assertThat(s.shell("ls -A ~ | wc -l").stdout().strip()).isEqualTo("0");
        }
    }

    /**
     * A reset leaves only the processes the runtime itself started (its X server and what keeps the
     * sandbox up), whatever the task's processes are called or however they detached: the next
     * task's start state must not hold files that the previous task's processes keep writing.
     */
    @Test
    void resetLeavesNoProcessOfThePreviousTask() {
        try (Session s = runtime().start(SessionRequest.defaults("contract-reset"))) {
            String loop = "while :; do echo %s >> $HOME/ticks; sleep 0.05; done";
            s.launch(List.of("bash", "-c", "setsid bash -c '" + String.format(loop, "a") + "' & exec sleep 1000"));
            for (String name : List.of("Xvfb-helper", "sleep infinity", "tini")) {
                s.shell("setsid bash -c 'exec -a \"" + name + "\" bash -c \"" + String.format(loop, "b")
                        + "\"' >/dev/null 2>&1 </dev/null &");
            }
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!s.shell("test -s ~/ticks").ok() && System.nanoTime() < end) {
                s.act(new Action.Wait(50));
            }
            assertThat(s.shell("test -s ~/ticks").ok()).as("the task's processes are writing").isTrue();
            s.reset();
            s.act(new Action.Wait(500));
            assertThat(s.shell("ls -A ~").stdout()).as("files in the home after reset").isEmpty();
            // The session is still whole: a screen and commands.
            assertThat(s.screenshot().width()).isEqualTo(1280);
            assertThat(s.shell("echo still").stdout()).isEqualTo("still\n");
        }
    }

    /**
     * A session is ready only when its X server has finished starting: a reset right away (as a
     * job does before its first task) must not catch the server half-way (its keymap compiler
     * running) and leave a dead display.
     */
    @Test
    void aResetRightAfterStartLeavesAWorkingDisplay() {
        for (int i = 0; i < 6; i++) {
            try (Session s = runtime().start(SessionRequest.defaults("contract-early"))) {
                s.reset();
                s.act(new Action.Wait(300));
                assertThat(s.windows()).as("session %d", i).isEmpty();
                assertThat(s.screenshot().width()).isEqualTo(1280);
            }
        }
    }

    /** An action that waits too long (from a wrong or hostile creator or agent) is refused at once. */
    @Test
    void actionsThatWaitTooLongAreRefusedAtOnce() {
        try (Session s = runtime().start(SessionRequest.defaults("contract-wait"))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> s.act(new Action.Wait(100_000_000))).isInstanceOf(SandboxException.class)
                    .hasMessageContaining("longer than the 60 s");
            assertThatThrownBy(() -> s.act(new Action.WaitForWindow("x", 100_000_000))).isInstanceOf(SandboxException.class)
                    .hasMessageContaining("longer than the 120 s");
            assertThat((System.nanoTime() - t0) / 1_000_000_000).isLessThan(10);
        }
    }

    @Test
    void actionsReachAnAppWindow() {
        try (Session s = runtime().start(SessionRequest.defaults("contract-app"))) {
            s.launch(List.of("xterm", "-T", "contract", "-geometry", "80x24+0+0", "-e", "bash", "--norc", "-i"));
            WindowInfo w = s.awaitWindow(Pattern.compile("^contract$"), Duration.ofSeconds(15)).orElseThrow();
            s.act(Action.Click.left(w.centerX(), w.centerY()));
            s.act(new Action.TypeText("echo typed > ~/typed.txt\n"));
            String text = "";
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!text.equals("typed") && System.nanoTime() < end) {
                s.act(new Action.Wait(100));
                text = s.shell("cat ~/typed.txt 2>/dev/null").stdout().strip();
            }
            assertThat(text).isEqualTo("typed");
            assertThat(s.windows()).extracting(WindowInfo::title).contains("contract");
            s.act(Action.Key.of("ctrl", "d"));
            long gone = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!s.windows().isEmpty() && System.nanoTime() < gone) {
                s.act(new Action.Wait(50));
            }
            assertThat(s.windows()).isEmpty();
        }
    }
}
