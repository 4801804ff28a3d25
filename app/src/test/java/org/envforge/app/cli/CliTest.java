package org.envforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.envforge.agent.TaskEvidence;
import org.envforge.app.wiring.Engine;
import org.envforge.engine.EngineJson;
import org.envforge.engine.JobSpec;
import org.envforge.store.Jobs;
import org.envforge.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, in-process, against the shipped data and a temporary data folder. */
class CliTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        GuiLauncher noGui = (engine, options, e) -> {
            e.println("gui would open");
            engine.close();
            return false;
        };
        String[] withData = new String[args.length + 2];
        withData[0] = "--data-dir";
        withData[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        int code = new Cli(Engine::standard, noGui).run(withData, Map.of(), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void topListsExcelFirst() throws Exception {
        Result r = run("catalog", "top", "--n", "5", "--json");
        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json).hasSize(5);
        assertThat(json.get(0).get("name").asText()).isEqualTo("Microsoft Excel");
        assertThat(json.get(0).get("rank").asInt()).isEqualTo(1);
        Result text = run("catalog", "top", "--n", "3");
        assertThat(text.out()).contains("Microsoft Excel").contains("$321.7B").contains("linked wage bill $9.82T");
    }

    @Test
    void selectFiftyCoveringAllGroupsSavesASet() throws Exception {
        Result r = run("catalog", "select", "--n", "50", "--cover-all-groups", "--save", "first", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("products")).hasSize(50);
        assertThat(json.get("coverage").get("groups_covered")).hasSize(22);
        assertThat(json.get("saved_as").asText()).isEqualTo("first");
        Result sets = run("catalog", "sets");
        assertThat(sets.out()).contains("first").contains("50");
        Result again = run("catalog", "select", "--n", "10", "--save", "first");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("a curation set named \"first\" exists already");
        assertThat(run("catalog", "sets", "first", "--json").out()).contains("\"Microsoft Excel\"");
        assertThat(Files.exists(dir.resolve("data/envforge.db"))).isTrue();
    }

    @Test
    void showPrintsOccupationsOrSuggestsNames() {
        Result r = run("catalog", "show", "GNU", "Octave");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("GNU Octave").contains("occupation").contains("in Gym-Anything's selection");
        Result missing = run("catalog", "show", "Octave");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no product named \"Octave\"").contains("GNU Octave");
    }

    @Test
    void badOptionsGiveClearErrors() {
        Result r = run("catalog", "select", "--n", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--n must be at least 1");
        Result unknown = run("catalog", "select", "--n", "5", "--include", "Nope Soft");
        assertThat(unknown.err()).contains("unknown product in the include list: \"Nope Soft\"");
        Result typo = run("catalog", "topp");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument");
    }

    @Test
    void aCorruptStoreIsReportedAndLeftUntouched() throws Exception {
        Path db = Files.createDirectories(dir.resolve("data")).resolve("envforge.db");
        Files.writeString(db, "not a database");
        Result r = run("catalog", "sets");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not an SQLite database").contains("left untouched");
        assertThat(Files.readString(db)).isEqualTo("not a database");
        // Catalog commands that need no store still work.
        assertThat(run("catalog", "top", "--n", "1").code()).isZero();
    }

    @Test
    void envImportListShowValidateExport() throws Exception {
        Path corpus = org.envforge.spec.Corpus.env("gnu_octave_env");
        Result imported = run("env", "import", corpus.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 1 environment, 3 tasks; ").contains(" 0 errors");
        assertThat(imported.out()).contains("warning: gnu_octave_env/env.json /hooks/pre_start: refers to scripts/install_octave.sh");
        Result list = run("env", "list");
        assertThat(list.out()).contains("gnu_octave_env@0.1").contains("GNU Octave").contains("3 draft");
        Result tasks = run("env", "list", "--tasks", "--json");
        assertThat(new ObjectMapper().readTree(tasks.out())).hasSize(3);
        Result show = run("env", "show", "gnu_octave_env@0.1/iris_scatter_plot");
        assertThat(show.out()).contains("[draft]").contains("instruction").contains("program verifier.py::verify_iris");
        Result envShow = run("env", "show", "gnu_octave_env@0.1");
        assertThat(envShow.out()).contains("hook         pre_start: /workspace/scripts/install_octave.sh");
        assertThat(run("env", "show", "nope").code()).isEqualTo(2);

        Path out = dir.resolve("export");
        Result export = run("env", "export", "gnu_octave_env@0.1", "--format", "gym-anything", "--out", out.toString(),
                "--include-unapproved");
        assertThat(export.out()).contains("Wrote 3 tasks to");
        assertThat(Files.exists(out.resolve("gnu_octave_env/tasks/iris_scatter_plot/task.json"))).isTrue();
        Result osworld = run("env", "export", "gnu_octave_env@0.1", "--format", "osworld", "--out", dir.resolve("o").toString(),
                "--include-unapproved");
        assertThat(osworld.code()).isEqualTo(1);
        assertThat(osworld.out()).contains("cannot be written as OSWorld JSON because its checker is a Python program");

        Result valid = run("env", "validate", out.resolve("gnu_octave_env").toString(), "--problems", "none");
        assertThat(valid.code()).isZero();
        Files.writeString(out.resolve("gnu_octave_env/tasks/iris_scatter_plot/task.json"), "[1, 2]");
        Result invalid = run("env", "validate", out.resolve("gnu_octave_env").toString());
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.out()).contains("error: gnu_octave_env/tasks/iris_scatter_plot/task.json: expected a JSON object at the top, found a list");
    }

    @Test
    void helpListsTheCommandsAndNoCommandOpensTheGui() {
        Result help = run("--help");
        assertThat(help.out()).contains("catalog").contains("gui").contains("plugins");
        Result gui = run();
        assertThat(gui.err()).contains("gui would open");
        Result plugins = run("plugins");
        assertThat(plugins.out()).contains("gnumeric").contains("mousepad").contains("xterm").contains("sqlitebrowser");
        Result unmatched = run("catalog", "unmatched");
        assertThat(unmatched.out()).contains("45-3031.00");
    }

    @Test
    void badGuiOptionsAreRefusedWithTheOptionNamed() {
        Result page = run("gui", "--page", "replays");
        assertThat(page.code()).isEqualTo(2);
        assertThat(page.err()).contains("--page must be one of").contains("trajectories").contains("'replays'");
        Result theme = run("gui", "--theme", "blue");
        assertThat(theme.code()).isEqualTo(2);
        assertThat(theme.err()).contains("--theme must be light or dark");
        Result traj = run("gui", "--trajectory", "7:x");
        assertThat(traj.code()).isEqualTo(2);
        assertThat(traj.err()).contains("--trajectory must be ID or ID:STEP");
        Result ok = run("gui", "--page", "trajectories", "--trajectory", "7:12", "--theme", "dark");
        assertThat(ok.err()).contains("gui would open");
    }

    @Test
    void aJobWhoseCreatorCannotStartOnResumeFailsAndExitsNonZero() {
        // A job stored with a creator this EnvForge does not have (as when the LLM settings went away before a resume).
        try (Store s = Store.open(dir.resolve("data"))) {
            new Jobs(s).create(EngineJson.write(new JobSpec(null, List.of("xterm"), 2, 1, 1, "gone", "rules", 1, 0, 1)), List.of(
                    new Jobs.ItemRow(0, 0, "xterm", "xterm", "xterm_j{job}_e1", "pending", 0, null),
                    new Jobs.ItemRow(0, 1, "xterm", "xterm", "xterm_j{job}_e2", "pending", 0, null)));
        }
        Result r = run("jobs", "resume", "1", "--quiet");
        assertThat(r.code()).as(r.out() + r.err()).isNotZero();
        assertThat(r.out()).contains("Job 1 failed: 0 passed, 0 failed, 2 errors of 2 environments.").contains("no creator \"gone\"");
        assertThat(run("jobs").out()).contains("failed");
    }

    @Test
    void aJobShowsWhereTheWholeOutputOfAFailedSetupIs() {
        String sha;
        try (Store s = Store.open(dir.resolve("data"))) {
            Jobs jobs = new Jobs(s);
            long id = jobs.create(EngineJson.write(new JobSpec(null, List.of("xterm"), 1, 1, 1, "recipe", "rules", 1, 0, 1)),
                    List.of(new Jobs.ItemRow(0, 0, "xterm", "xterm", "xterm_j{job}_e1", "pending", 0, null)));
            sha = s.blobs().put(("x".repeat(10_000) + "\nError: no such table: staff\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            TaskEvidence e = new TaskEvidence("total_s1", "total_s1: the setup script failed (exit 1): xxx \u2026 [cut 9,000 bytes]", null,
                    null, List.of(), null, List.of(), List.of(), null, null, "", null, 5, sha);
            java.time.Instant now = java.time.Instant.now();
            jobs.saveRound(new Jobs.RoundRow(id, 0, 1, "recipe", "rules", null, EngineJson.write(List.of(e)), null, false, null, now, now),
                    List.of());
        }
        String out = run("jobs", "1").out();
        assertThat(out).contains("total_s1: whole setup output in " + dir.resolve("data").resolve("blobs").resolve(sha.substring(0, 2))
                .resolve(sha.substring(2)));
    }
}
