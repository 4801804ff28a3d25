package org.envforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.envforge.action.Action;
import org.envforge.agent.TaskEvidence;
import org.envforge.app.wiring.Engine;
import org.envforge.engine.EngineJson;
import org.envforge.engine.JobSpec;
import org.envforge.job.ItemStatus;
import org.envforge.runtime.PngEncoder;
import org.envforge.service.EnvironmentService;
import org.envforge.spec.SpecFile;
import org.envforge.spec.StoredTask;
import org.envforge.store.Jobs;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.ActionText;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.TrajectoryStatus;
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
        assertThat(invalid.out())
                .contains("error: gnu_octave_env/tasks/iris_scatter_plot/task.json: expected a JSON object at the top, found a list");
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

    /** Only newlines and tabs of the output's own layout pass; every other control shows as a visible escape. */
    private static void assertNoControls(String s) {
        assertThat(s.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069).boxed().toList()).isEmpty();
    }

    @Test
    void terminalControlsFromImportedTextAreShownAsVisibleEscapes() throws Exception {
        String hostile = "Title\u001b]0;pwned\u0007 clear\u001b[2J clip\u001b]52;c;ZXZpbA==\u0007 rlo\u202eexe.txt c1\u009b31m"
                + " del\u007f cr\rX";
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode task = m.createObjectNode().put("id", "esc-1").put("snapshot", "chrome")
                .put("instruction", hostile).put("source", "test");
        task.putArray("config");
        task.putArray("related_apps").add("chrome");
        task.putObject("evaluator").put("func", "infeasible");
        Path file = Files.createDirectories(dir.resolve("osworld/chrome")).resolve("esc-1.json");
        Files.writeString(file, m.writeValueAsString(task));
        assertThat(run("env", "import", file.toString()).code()).isZero();

        Result show = run("env", "show", "esc-1");
        assertNoControls(show.out());
        assertThat(show.out()).contains("  instruction  Title\\e]0;pwned\\x07 clear\\e[2J clip\\e]52;c;ZXZpbA==\\x07 "
                + "rlo\\u202eexe.txt c1\\u009b31m del\\u007f cr\\rX\n  difficulty");
        Result list = run("env", "list", "--tasks");
        assertNoControls(list.out());
        assertThat(list.out()).contains("Title\\e]0;pwned");
        // JSON stays JSON: what reads it back gets the text as imported.
        Result json = run("env", "show", "esc-1", "--json");
        assertNoControls(json.out());
        assertThat(m.readTree(json.out().substring(json.out().indexOf('\n') + 1)).get("instruction").asText()).isEqualTo(hostile);
        Result missing = run("env", "show", "nope\u001b[2J\u202e");
        assertThat(missing.code()).isEqualTo(2);
        assertNoControls(missing.err());
        assertThat(missing.err()).contains("no environment or task \"nope\\e[2J\\u202e\"");
    }

    /** The blob file of a stored task's file, and that file's path in the task. */
    private record StoredFile(Path blob, String path, String sha) {
    }

    private StoredFile taskFile(String taskRef, String path) {
        try (Store s = Store.open(dir.resolve("data"))) {
            StoredTask t = new EnvironmentService(() -> s).task(taskRef).orElseThrow();
            SpecFile f = t.files().stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow();
            return new StoredFile(s.blobs().path(f.sha256()), f.path(), f.sha256());
        }
    }

    /** The Octave corpus environment with a script beside a task's JSON, as a folder of its own. */
    private Path octaveWithScript() throws IOException {
        Path env = org.envforge.spec.Corpus.copy(org.envforge.spec.Corpus.env("gnu_octave_env"), dir.resolve("src/gnu_octave_env"));
        Files.writeString(env.resolve("tasks/iris_scatter_plot/setup_task.sh"), "#!/bin/bash\necho 'load iris' > ~/start.m\n");
        return env;
    }

    @Test
    void anExportThatMeetsAMissingBlobFailsCleanlyNamesItAndTheRetryWorks() throws Exception {
        Path source = octaveWithScript();
        assertThat(run("env", "import", source.toString()).code()).isZero();
        StoredFile lost = taskFile("gnu_octave_env@0.1/iris_scatter_plot", "setup_task.sh");
        Files.delete(lost.blob());
        Path out = dir.resolve("export");
        Result export = run("env", "export", "gnu_octave_env@0.1", "--format", "gym-anything", "--out", out.toString(),
                "--include-unapproved");
        assertThat(export.code()).isEqualTo(2);
        assertThat(export.err()).contains("envforge: ").contains(lost.sha()).contains("tasks/iris_scatter_plot/setup_task.sh")
                .contains("missing").doesNotContain("\tat ");
        assertThat(out.resolve("gnu_octave_env")).doesNotExist();

        Result check = run("store", "check");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains("missing " + lost.sha())
                .contains("task gnu_octave_env@0.1/iris_scatter_plot file setup_task.sh");
        // A re-import puts the file back; the export then works in the same folder.
        assertThat(run("env", "import", source.toString()).code()).isZero();
        assertThat(run("store", "check").code()).isZero();
        Result retry = run("env", "export", "gnu_octave_env@0.1", "--format", "gym-anything", "--out", out.toString(),
                "--include-unapproved");
        assertThat(retry.code()).as(retry.err()).isZero();
        assertThat(out.resolve("gnu_octave_env/tasks/iris_scatter_plot/setup_task.sh"))
                .hasSameBinaryContentAs(source.resolve("tasks/iris_scatter_plot/setup_task.sh"));
    }

    @Test
    void anAlteredBlobIsCaughtByExportAndStoreCheckAndRepairedByAReimport() throws Exception {
        Path corpus = org.envforge.spec.Corpus.env("gnu_octave_env");
        assertThat(run("env", "import", corpus.toString()).code()).isZero();
        StoredFile altered = taskFile("gnu_octave_env@0.1/iris_scatter_plot", "task.json");
        byte[] bytes = Files.readAllBytes(altered.blob());
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(altered.blob(), bytes);
        Path out = dir.resolve("export");
        Result gym = run("env", "export", "gnu_octave_env@0.1", "--format", "gym-anything", "--out", out.toString(),
                "--include-unapproved");
        assertThat(gym.code()).isEqualTo(2);
        assertThat(gym.err()).contains(altered.sha()).contains("tasks/iris_scatter_plot/task.json").contains("damaged");
        assertThat(out.resolve("gnu_octave_env")).doesNotExist();

        Result check = run("store", "check");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains("damaged " + altered.sha()).contains("task gnu_octave_env@0.1/iris_scatter_plot file task.json");
        assertThat(run("env", "import", corpus.toString()).code()).isZero();
        assertThat(run("store", "check").code()).isZero();
        assertThat(altered.blob()).hasSameBinaryContentAs(corpus.resolve("tasks/iris_scatter_plot/task.json"));
    }

    @Test
    void aTrajectoryExportSaysWhichScreenshotsAreMissing() throws Exception {
        String lost;
        try (Store s = Store.open(dir.resolve("data"))) {
            Trajectories ts = new Trajectories(s);
            long id = ts.create("template:xterm/total_employment/4", "Total the employment column.", "oracle", "envforge", "test",
                    TrajectoryStatus.RECORDING);
            Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
            List<String> shots = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int[] px = new int[16 * 16];
                Arrays.fill(px, 0x101010 * (i + 1));
                shots.add(s.blobs().put(PngEncoder.encode(px, 16, 16)));
            }
            for (int i = 0; i < 3; i++) {
                Action a = Action.Click.left(10 * i, 10);
                ts.addStep(id, new Step(i, t0.plusSeconds(i), 10, List.of(a), ActionText.of(a), null, "step " + i, shots.get(i),
                        i == 2 ? shots.get(3) : null, null, i == 2, null));
            }
            ts.finish(id, TrajectoryStatus.COMPLETE, true, true, "checker: ok");
            lost = shots.get(1);
            Files.delete(s.blobs().path(lost));
        }
        Result export = run("traj", "export", "1", "--format", "osworld", "--out", dir.resolve("t").toString());
        assertThat(export.out() + export.err()).contains("step 1 screenshot").contains(lost).contains("missing");
        assertThat(export.code()).isEqualTo(1);
        assertThat(dir.resolve("t/traj.jsonl")).exists();
        assertThat(run("traj", "verdict", "1", "good").code()).isZero();
        Result training = run("traj", "training", "--out", dir.resolve("train").toString());
        assertThat(training.out()).contains("left out: trajectory 1 step 1 screenshot (blob " + lost + ") is missing");
        assertThat(training.code()).isEqualTo(1);
        Result check = run("store", "check");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains("missing " + lost).contains("trajectory 1 step 1 screenshot");
    }

    @Test
    void aJobWhoseCreatorCannotStartOnResumeFailsAndExitsNonZero() {
        // A job stored with a creator this EnvForge does not have (as when the LLM settings went away before a resume).
        try (Store s = Store.open(dir.resolve("data"))) {
            new Jobs(s).create(EngineJson.write(new JobSpec(null, List.of("xterm"), 2, 1, 1, "gone", "rules", 1, 0, 1)), List.of(
                    new Jobs.ItemRow(0, 0, "xterm", "xterm", "xterm_j{job}_e1", ItemStatus.PENDING, 0, null),
                    new Jobs.ItemRow(0, 1, "xterm", "xterm", "xterm_j{job}_e2", ItemStatus.PENDING, 0, null)));
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
                    List.of(new Jobs.ItemRow(0, 0, "xterm", "xterm", "xterm_j{job}_e1", ItemStatus.PENDING, 0, null)));
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
