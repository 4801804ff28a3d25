package org.envforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.envforge.app.cli.Cli;
import org.envforge.app.wiring.Engine;
import org.envforge.job.ItemStatus;
import org.envforge.runtime.Sandboxes;
import org.envforge.service.EnvironmentService;
import org.envforge.spec.Corpus;
import org.envforge.spec.EnvironmentSummary;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.store.Jobs;
import org.envforge.store.Settings;
import org.envforge.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several EnvForge processes on one data folder at once, as users run them: CLI imports side by
 * side; a generation beside approvals and imports; a second store user (as the workbench is)
 * reading and writing while the CLI imports. No process may fail and nothing may be stored half.
 */
class StoreProcessTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private String cli(Path data, String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new Cli(Engine::standard, (e, o, w) -> false).run(all, Map.of(), new PrintWriter(out), new PrintWriter(out));
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    /** What a store holds, to compare a store written by several processes with one written by one. */
    private static List<String> contents(Path data) {
        try (Store s = Store.open(data)) {
            EnvironmentService envs = new EnvironmentService(() -> s);
            List<String> out = new ArrayList<>();
            for (EnvironmentSummary e : envs.environments()) {
                out.add(e.id() + " " + e.tasks() + " tasks");
            }
            for (TaskSummary t : envs.tasks(TaskFilter.all())) {
                var task = envs.task(t.key()).orElseThrow();
                out.add(t.ref() + " " + t.status() + " " + task.files().size() + " files " + task.history().size() + " history");
            }
            return out;
        }
    }

    @Test
    void importsRunningAtOnceIntoOneDataFolderAllSucceed() throws Exception {
        Path corpus = Corpus.path("gym_anything/environments");
        Path data = dir.resolve("data");
        List<CliProcess> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ps.add(CliProcess.start(data, dir.resolve("import" + i + ".log"), "env", "import", corpus.toString(), "--problems", "none"));
        }
        for (CliProcess p : ps) {
            assertThat(p.await(LONG)).as(p.describe()).isZero();
        }
        String alone = cli(dir.resolve("alone"), "env", "import", corpus.toString(), "--problems", "none");
        String summary = alone.lines().filter(l -> l.startsWith("Imported ")).findFirst().orElseThrow()
                .replaceAll(" \\([0-9.]+ s\\)\\.$", "");
        for (CliProcess p : ps) {
            assertThat(p.output()).contains(summary);
        }
        assertThat(contents(data)).isNotEmpty().containsExactlyElementsOf(contents(dir.resolve("alone")));
    }

    @Test
    void aGenerationBesideApprovalsAndImportsStoresEveryEnvironmentWhole() throws Exception {
        Sandboxes.requireTools(List.of("xterm"));
        Path data = dir.resolve("data");
        Path octave = Corpus.env("gnu_octave_env");
        CliProcess gen = CliProcess.start(data, dir.resolve("generate.log"), "generate", "--software", "xterm", "--envs", "3",
                "--tasks", "2", "--rounds", "1", "--quiet");
        Path writer = Corpus.env("wps_office_writer_env");
        int rounds = 0;
        Set<String> approved = new java.util.HashSet<>();
        while (gen.process().isAlive()) {
            // Two imports and a decision at once, beside the generation.
            List<CliProcess> side = new ArrayList<>();
            side.add(CliProcess.start(data, dir.resolve("import-octave.log"), "env", "import", octave.toString(), "--problems", "none"));
            side.add(CliProcess.start(data, dir.resolve("import-writer.log"), "env", "import", writer.toString(), "--problems", "none"));
            if (rounds > 0) {
                side.add(rounds % 2 == 1
                        ? CliProcess.start(data, dir.resolve("decide.log"), "approve", "--override", "gnu_octave_env@0.1")
                        : CliProcess.start(data, dir.resolve("decide.log"), "reject", "--reason", "round " + rounds, "gnu_octave_env@0.1"));
            }
            // Approve each generated environment as soon as it is there, while the next one is stored.
            try (Store s = Store.open(data)) {
                for (EnvironmentSummary e : new EnvironmentService(() -> s).environments()) {
                    if (e.id().startsWith("xterm_") && approved.add(e.id())) {
                        side.add(CliProcess.start(data, dir.resolve("approve-" + e.id() + ".log"), "approve", "--override", e.id()));
                    }
                }
            }
            for (CliProcess p : side) {
                assertThat(p.await(LONG)).as(p.describe()).isZero();
            }
            rounds++;
        }
        assertThat(gen.await(LONG)).as(gen.describe()).isZero();
        assertThat(gen.output()).contains("of 3 environments");
        assertThat(rounds).isPositive();
        try (Store s = Store.open(data)) {
            assertThat(new Jobs(s).items(1)).allMatch(i -> i.status() == ItemStatus.PASSED || i.status() == ItemStatus.FAILED);
            EnvironmentService envs = new EnvironmentService(() -> s);
            List<EnvironmentSummary> generated = envs.environments().stream().filter(e -> e.id().startsWith("xterm_")).toList();
            assertThat(generated).hasSize(3).allMatch(e -> e.tasks() == 2);
            // Every generated task carries its audit's verdict (or the approval that followed it), none is left a draft.
            assertThat(envs.tasks(TaskFilter.all())).filteredOn(t -> t.envId().startsWith("xterm_"))
                    .hasSize(6).noneMatch(t -> t.status() == TaskStatus.DRAFT);
        }
    }

    @Test
    void aSecondStoreUserReadsAndWritesWhileTheCliImports() throws Exception {
        Path corpus = Corpus.path("gym_anything/environments");
        Path data = dir.resolve("data");
        int writes = 0;
        try (Store gui = Store.open(data)) {
            EnvironmentService envs = new EnvironmentService(() -> gui);
            Settings settings = new Settings(gui);
            List<CliProcess> ps = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ps.add(CliProcess.start(data, dir.resolve("import" + i + ".log"), "env", "import", corpus.toString(), "--problems",
                        "none"));
            }
            while (ps.stream().anyMatch(p -> p.process().isAlive())) {
                // What the workbench does: read lists, keep settings, decide on tasks.
                settings.put("last-view", "environments-" + writes);
                for (TaskSummary t : envs.tasks(TaskFilter.all()).stream().limit(3).toList()) {
                    envs.decide(List.of(t.ref()), writes % 2 == 0, "curator:test", "round " + writes, true);
                }
                writes++;
            }
            for (CliProcess p : ps) {
                assertThat(p.await(LONG)).as(p.describe()).isZero();
            }
            assertThat(settings.get("last-view")).contains("environments-" + (writes - 1));
        }
        assertThat(writes).isPositive();
        cli(dir.resolve("alone"), "env", "import", corpus.toString(), "--problems", "none");
        List<String> alone = contents(dir.resolve("alone"));
        // The same environments and tasks as one import alone; only the decided tasks' statuses differ.
        assertThat(contents(data).stream().map(l -> l.replaceAll(" [A-Z_]+ \\d+ files \\d+ history", "")).toList())
                .containsExactlyElementsOf(alone.stream().map(l -> l.replaceAll(" [A-Z_]+ \\d+ files \\d+ history", "")).toList());
    }
}
