package org.envforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.envforge.action.Action;
import org.envforge.app.wiring.Engine;
import org.envforge.catalog.GdpSource;
import org.envforge.engine.EngineJson;
import org.envforge.engine.JobSpec;
import org.envforge.job.ItemStatus;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskTemplate;
import org.envforge.runtime.PngEncoder;
import org.envforge.runtime.SandboxException;
import org.envforge.spec.Corpus;
import org.envforge.store.Jobs;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.ActionText;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.TrajectoryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What scripts read from the CLI: JSON documents, exit codes, one-line errors, the completion script. */
class CliOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        return run(Engine::standard, args);
    }

    private Result run(Function<Path, Engine> engines, String... args) {
        return run(engines, (e, o, w) -> false, args);
    }

    private Result run(Function<Path, Engine> engines, GuiLauncher gui, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withData = new String[args.length + 2];
        withData[0] = "--data-dir";
        withData[1] = data().toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        int code = new Cli(engines, gui).run(withData, Map.of(), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path data() {
        return dir.resolve("data");
    }

    private JsonNode json(Result r) throws Exception {
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return JSON.readTree(r.out());
    }

    /** A job of two xterm environments whose creator this EnvForge does not have; the first has a stored round. */
    private void storeJob() {
        try (Store s = Store.open(data())) {
            Jobs jobs = new Jobs(s);
            long id = jobs.create(EngineJson.write(new JobSpec(null, List.of("xterm"), 2, 1, 1, "gone", "rules", 1, 0, 1)), List.of(
                    new Jobs.ItemRow(0, 0, "xterm", "xterm", "xterm_j{job}_e1", ItemStatus.PENDING, 0, null),
                    new Jobs.ItemRow(0, 1, "xterm", "xterm", "xterm_j{job}_e2", ItemStatus.PENDING, 0, null)));
            Instant now = Instant.now();
            jobs.saveRound(new Jobs.RoundRow(id, 0, 1, "gone", "rules", null, EngineJson.write(List.of()), null, false,
                    "the creator failed", now, now), List.of());
        }
    }

    @Test
    void jobsListAndShowPrintJson() throws Exception {
        assertThat(json(run("jobs", "--json"))).isEmpty();
        storeJob();
        JsonNode list = json(run("jobs", "--json"));
        assertThat(list).hasSize(1);
        JsonNode job = list.get(0);
        assertThat(job.get("id").asLong()).isEqualTo(1);
        assertThat(job.get("status").asText()).isEqualTo("running");
        assertThat(job.get("creator").asText()).isEqualTo("gone");
        assertThat(job.get("auditor").asText()).isEqualTo("rules");
        assertThat(job.get("software").get(0).asText()).isEqualTo("xterm");
        assertThat(job.get("environments").asInt()).isEqualTo(2);
        assertThat(job.get("errors").asInt()).isZero();
        assertThat(job.has("created")).isTrue();

        JsonNode one = json(run("jobs", "1", "--json"));
        assertThat(one.get("spec").get("faultRate").asDouble()).isZero();
        assertThat(one.get("items")).hasSize(2);
        assertThat(one.get("items").get(0).get("envName").asText()).isEqualTo("xterm_j1_e1");
        assertThat(one.get("items").get(0).get("rounds").get(0).get("error").asText()).isEqualTo("the creator failed");
        assertThat(run("jobs", "7", "--json").code()).isEqualTo(2);

        // The summary of a run as JSON, alone on stdout; the exit code as with text.
        Result resume = run("jobs", "resume", "1", "--json");
        assertThat(resume.code()).as(resume.err()).isEqualTo(1);
        JsonNode summary = JSON.readTree(resume.out());
        assertThat(summary.get("status").asText()).isEqualTo("failed");
        assertThat(summary.get("errors").asInt()).isEqualTo(2);
        assertThat(summary.get("items").get(1).get("envId").asText()).isEqualTo("xterm_j1_e2@1");
        assertThat(summary.get("message").asText()).contains("no creator \"gone\"");
    }

    @Test
    void trajectoriesListAndShowPrintJsonThatKeepsHostileTextExact() throws Exception {
        String hostile = "Total it\u001b]0;pwned\u0007 rlo\u202e c1\u009b del\u007f";
        try (Store s = Store.open(data())) {
            Trajectories ts = new Trajectories(s);
            long id = ts.create("template:xterm/total_employment/4", hostile, "oracle", "envforge", "test", TrajectoryStatus.RECORDING);
            Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
            String shot = s.blobs().put(PngEncoder.encode(new int[16 * 16], 16, 16));
            for (int i = 0; i < 2; i++) {
                Action a = Action.Click.left(10 * i, 10);
                ts.addStep(id, new Step(i, t0.plusSeconds(i), 10, List.of(a), ActionText.of(a), null, "step " + i, shot, null, null,
                        i == 1, null));
            }
            ts.finish(id, TrajectoryStatus.COMPLETE, true, true, "checker: ok");
        }
        assertThat(run("traj", "tag", "1", "1", "mis-click").code()).isZero();
        JsonNode list = json(run("traj", "list", "--json"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("status").asText()).isEqualTo("complete");
        assertThat(list.get(0).get("stepCount").asInt()).isEqualTo(2);
        assertThat(list.get(0).get("saidDone").asBoolean()).isTrue();
        assertThat(list.get(0).get("instruction").asText()).isEqualTo(hostile);

        Result show = run("traj", "show", "1", "--json");
        assertNoControls(show.out());
        JsonNode t = json(show);
        assertThat(t.get("instruction").asText()).isEqualTo(hostile);
        assertThat(t.get("steps")).hasSize(2);
        assertThat(t.get("steps").get(1).get("tags").get(0).asText()).isEqualTo("mis-click");
        assertThat(t.get("steps").get(1).get("done").asBoolean()).isTrue();
        assertThat(json(run("traj", "list", "--json", "--source", "OSWORLD"))).isEmpty();
    }

    /** Only newlines and tabs of the output's own layout pass; every other control shows as a visible escape. */
    private static void assertNoControls(String s) {
        assertThat(s.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069).boxed().toList()).isEmpty();
    }

    @Test
    void pluginsSandboxTemplatesAndDoctorPrintJson() throws Exception {
        JsonNode plugins = json(run("plugins", "--json"));
        assertThat(plugins.findValuesAsText("id")).contains("gnumeric", "mousepad", "xterm", "sqlitebrowser");
        assertThat(plugins.get(0).get("aptPackages").isArray()).isTrue();
        JsonNode templates = json(run("sandbox", "list", "--json"));
        assertThat(templates.size()).isGreaterThan(4);
        assertThat(templates.get(0).has("plugin") && templates.get(0).has("template") && templates.get(0).has("title")).isTrue();

        Result doctor = run("doctor", "--json");
        JsonNode d = JSON.readTree(doctor.out());
        assertThat(doctor.code()).isEqualTo(d.get("ok").asBoolean() ? 0 : 1);
        assertThat(d.get("local").get("tools").findValuesAsText("program")).contains("Xvfb", "bwrap");
        assertThat(d.get("plugins")).hasSize(plugins.size());
        assertThat(d.get("dataDir").get("path").asText()).isEqualTo(data().toString());
    }

    @Test
    void anImportWithABadTaskStoresTheGoodOnesAndExitsOne() throws Exception {
        Path env = Corpus.copy(Corpus.env("gnu_octave_env"), dir.resolve("src/gnu_octave_env"));
        Files.writeString(env.resolve("tasks/iris_scatter_plot/task.json"),
                "{\"id\": \"iris_scatter_plot\", \"init\": {\"max_steps\": \"ten\"}}");
        Result r = run("env", "import", env.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("error: gnu_octave_env/tasks/iris_scatter_plot/task.json /init/max_steps")
                .contains("Imported 1 environment, 2 tasks (1 skipped with errors)");
        assertThat(run("env", "list", "--tasks").out()).contains("earthquake_magnitude_analysis").contains("auto_mpg_regression")
                .doesNotContain("iris_scatter_plot");
        assertThat(run("env", "import", Corpus.env("gnu_octave_env").toString()).code()).isZero();
    }

    /** A plugin whose templates cannot be listed, failing with THROWN. */
    private static Function<Path, Engine> engineWithPluginFailing(RuntimeException thrown) {
        SoftwarePlugin broken = new SoftwarePlugin() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("broken", "Broken", List.of("xterm"), List.of("xterm"), List.of(), List.of());
            }

            @Override
            public List<TaskTemplate> templates() {
                throw thrown;
            }
        };
        return data -> new Engine(data, GdpSource.shipped(), new PluginRegistry(List.of(broken)));
    }

    @Test
    void aSandboxErrorIsOneLineAndABugPrintsItsTrace() {
        Result sandbox = run(engineWithPluginFailing(new SandboxException("the local runtime cannot start: Xvfb is missing "
                + "(apt-get install xvfb)")), "sandbox", "list");
        assertThat(sandbox.code()).isEqualTo(2);
        assertThat(sandbox.err()).isEqualTo("envforge: the local runtime cannot start: Xvfb is missing (apt-get install xvfb)\n");
        assertThat(sandbox.err()).doesNotContain("at org.");

        Result bug = run(engineWithPluginFailing(new IllegalStateException("a template list went wrong")), "sandbox", "list");
        assertThat(bug.code()).isEqualTo(1);
        assertThat(bug.err()).contains("IllegalStateException: a template list went wrong").contains("\tat org.envforge.");
    }

    @Test
    void theCompletionScriptNamesCommandsOptionsAndTheirValues() {
        Result r = run("completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_envforge")
                .contains("catalog").contains("traj").contains("jobs").contains("doctor").contains("completion")
                .contains("--json").contains("--data-dir").contains("--verbose");
        // Fixed option values: import problems, export formats, sources, task statuses, creators, auditors, GUI pages.
        assertThat(r.out()).contains("gym-anything").contains("osworld").contains("audit-passed").contains("recipe")
                .contains("vlm").contains("trajectories").contains("\"none\"");
    }

    /**
     * Bash offers each option its own values: generate's --agent the creators, --auditor the
     * auditors, --software the plugin ids (two options with one value label once shared a list).
     */
    @Test
    void bashCompletesEachGenerateOptionWithItsOwnValues() throws Exception {
        Path script = Files.writeString(dir.resolve("envforge-completion.sh"), run("completion").out());
        assertThat(complete(script, "generate", "--agent")).isEqualTo("recipe llm");
        assertThat(complete(script, "generate", "--auditor")).isEqualTo("rules vlm");
        assertThat(complete(script, "generate", "--software")).contains("xterm").contains("gnumeric").doesNotContain("recipe");
        assertThat(complete(script, "env", "import", "--problems")).contains("none");
    }

    /** What bash's completion offers after the words given (and a blank), as one line. */
    private static String complete(Path script, String... words) throws Exception {
        String line = "envforge " + String.join(" ", words) + " ";
        String cmd = "source '" + script + "' 2>/dev/null; COMP_WORDS=(envforge " + String.join(" ", words) + " ''); COMP_CWORD="
                + (words.length + 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_envforge envforge '' "
                + words[words.length - 1] + " 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "--norc", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    @Test
    void theRunIsLoggedToTheDataFolderAndVerboseShowsItOnStderr() throws Exception {
        try (Store s = Store.open(data())) {
            new Jobs(s).create(EngineJson.write(new JobSpec(null, List.of("xterm"), 1, 1, 1, "gone\u001b[2J", "rules", 1, 0, 1)),
                    List.of(new Jobs.ItemRow(0, 0, "xterm", "xterm", "xterm_j{job}_e1", ItemStatus.PENDING, 0, null)));
        }
        Path log = data().resolve("envforge.log");
        Result quiet = run("jobs", "resume", "1", "--quiet");
        assertThat(quiet.code()).isEqualTo(1);
        assertThat(quiet.err()).doesNotContain("info:");
        String logged = Files.readString(log);
        assertThat(logged).contains("envforge --data-dir " + data() + " jobs resume 1 --quiet")
                .contains("INFO [main] org.envforge.engine.GenerationEngine - job 1: 1 environments, 1 to make; creator gone\\e[2J")
                .contains("job 1 cannot start: the agents cannot start").doesNotContain("\u001b");
        assertThat(logged.lines().filter(l -> l.contains("DEBUG"))).isEmpty();

        Result verbose = run("--verbose", "jobs", "resume", "1", "--quiet");
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.err()).contains("envforge: info: GenerationEngine: job 1 cannot start").contains("envforge: debug: ")
                .doesNotContain("\u001b");
        assertThat(Files.readString(log)).contains("--verbose jobs resume 1 --quiet").contains(" DEBUG [main] ");
    }

    @Test
    void theWorkbenchLogsToTheSameFile() throws Exception {
        GuiLauncher gui = (engine, options, err) -> {
            LoggerFactory.getLogger("org.envforge.views.Test").info("the workbench opened on {}", engine.dataDir());
            engine.close();
            return false;
        };
        assertThat(run(Engine::standard, gui).code()).isEqualTo(1);
        assertThat(Files.readString(data().resolve("envforge.log"))).contains("INFO [main] org.envforge.views.Test - the workbench "
                + "opened on " + data());
    }

    @Test
    void optionValuesAreCheckedAndAcceptedInAnyCase() {
        assertThat(run("env", "list", "--source", "OSWorld").code()).isZero();
        assertThat(run("env", "import", Corpus.env("gnu_octave_env").toString(), "--problems", "None").code()).isZero();
        Result bad = run("env", "list", "--source", "github");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--source").contains("gym-anything").contains("'github'");
    }
}
