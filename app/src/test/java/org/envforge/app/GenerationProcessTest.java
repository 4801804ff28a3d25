package org.envforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.envforge.app.cli.Cli;
import org.envforge.app.wiring.Engine;
import org.envforge.job.ItemStatus;
import org.envforge.runtime.Sandboxes;
import org.envforge.service.EnvironmentService;
import org.envforge.spec.EnvironmentSummary;
import org.envforge.spec.TaskFilter;
import org.envforge.store.Jobs;
import org.envforge.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation through the real CLI with the bundled plugins: a job killed mid-way (kill -9) leaves
 * no sandbox behind and resumes with nothing lost and no duplicate environment; and a job over
 * every plugin completes with the embedded agents.
 */
class GenerationProcessTest {

    @TempDir
    Path dir;

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new Cli(Engine::standard, (e, o, w) -> false).run(all, Map.of(), new PrintWriter(out), new PrintWriter(out));
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    void aKilledJobResumesWithNothingLostAndNoDuplicates() throws Exception {
        Sandboxes.requireTools(List.of("xterm"));
        Path data = dir.resolve("data");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString(), "generate", "--software",
                "xterm", "--envs", "3", "--tasks", "2", "--rounds", "2", "--inject-faults", "0.5", "--quiet"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("generate.log").toFile()).start();
        int roundsBeforeKill = 0;
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end && p.isAlive()) {
            Thread.sleep(300);
            if (java.nio.file.Files.exists(data.resolve("envforge.db"))) {
                try (Store s = Store.open(data)) {
                    Jobs jobs = new Jobs(s);
                    roundsBeforeKill = jobs.jobs().isEmpty() ? 0 : jobs.rounds(1, 0).size();
                }
            }
            if (roundsBeforeKill >= 1) {
                break;
            }
        }
        assertThat(roundsBeforeKill).as(java.nio.file.Files.readString(dir.resolve("generate.log"))).isGreaterThanOrEqualTo(1);
        p.destroyForcibly().waitFor();
        // Nothing of the killed job's sandboxes survives it (Xvfb and bwrap die with their parent).
        long gone = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (processesMentioning(data.toString()) > 0 && System.nanoTime() < gone) {
            Thread.sleep(100);
        }
        assertThat(processesMentioning(data.toString())).isZero();

        List<Jobs.RoundRow> kept;
        try (Store s = Store.open(data)) {
            kept = new Jobs(s).rounds(1, 0);
        }
        String resumed = cli("jobs", "resume", "1", "--quiet");
        assertThat(resumed).contains("Job 1 done: ").contains("of 3 environments");
        try (Store s = Store.open(data)) {
            Jobs jobs = new Jobs(s);
            assertThat(jobs.items(1)).allMatch(i -> i.status() == ItemStatus.PASSED || i.status() == ItemStatus.FAILED);
            // The rounds stored before the kill are still there, unchanged.
            assertThat(jobs.rounds(1, 0).subList(0, kept.size())).extracting(Jobs.RoundRow::startedAndRound)
                    .containsExactlyElementsOf(kept.stream().map(Jobs.RoundRow::startedAndRound).toList());
            EnvironmentService envs = new EnvironmentService(() -> s);
            List<EnvironmentSummary> list = envs.environments();
            assertThat(list).hasSize(3);
            assertThat(list).allMatch(e -> e.tasks() == 2);
            assertThat(envs.tasks(TaskFilter.all())).hasSize(6);
        }
    }

    @Test
    void everyPluginGeneratesWithTheEmbeddedAgents() throws Exception {
        Sandboxes.requireTools(List.of("xterm", "gnumeric", "mousepad", "sqlitebrowser"));
        String out = cli("generate", "--software", "xterm,gnumeric,mousepad,sqlitebrowser", "--envs", "1", "--tasks", "2",
                "--rounds", "2", "--workers", "2", "--quiet");
        assertThat(out).contains("4 passed, 0 failed, 0 errors of 4 environments");
        String list = cli("env", "list");
        assertThat(list).contains("xterm_j1_e1@1").contains("gnumeric_j1_e1@1").contains("mousepad_j1_e1@1")
                .contains("sqlitebrowser_j1_e1@1").contains("2 audit-passed");
        String approve = cli("approve", "gnumeric_j1_e1@1");
        assertThat(approve).contains("2 of 2 tasks changed");
        String export = cli("env", "export", "gnumeric_j1_e1@1", "--format", "gym-anything", "--out", dir.resolve("out").toString());
        assertThat(export).contains("Wrote 2 tasks");
        assertThat(dir.resolve("out/gnumeric_j1_e1/env.json")).exists();
    }

    static long processesMentioning(String text) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false)).count();
    }
}
