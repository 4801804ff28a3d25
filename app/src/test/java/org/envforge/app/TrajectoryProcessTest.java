package org.envforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.envforge.app.cli.Cli;
import org.envforge.app.wiring.Engine;
import org.envforge.runtime.Sandboxes;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryFilter;
import org.envforge.trajectory.TrajectoryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trajectories through the real CLI on real sandboxes: a recording killed mid-run keeps its steps
 * and shows as interrupted; a recorded run goes out as OSWorld and Gym-Anything folders, comes
 * back in, is annotated, audited and exported as training data.
 */
class TrajectoryProcessTest {

    @TempDir
    Path dir;

    private String cli(String... args) {
        return cliExpect(0, args);
    }

    private String cliExpect(int expected, String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new Cli(Engine::standard, (e, o, w) -> false).run(all, Map.of(), new PrintWriter(out), new PrintWriter(out));
        assertThat(code).as(out.toString()).isEqualTo(expected);
        return out.toString();
    }

    @Test
    void aRecordingKilledMidRunKeepsItsStepsAndShowsAsInterrupted() throws Exception {
        Sandboxes.requireTools(List.of("gnumeric"));
        Path data = dir.resolve("data");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString(), "traj", "record",
                "template:gnumeric/total_employment/3"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("record.log").toFile()).start();
        int stepsBeforeKill = 0;
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end && p.isAlive() && stepsBeforeKill < 6) {
            Thread.sleep(200);
            if (Files.exists(data.resolve("envforge.db"))) {
                try (Store s = Store.open(data)) {
                    Trajectories ts = new Trajectories(s);
                    stepsBeforeKill = ts.get(1).map(Trajectory::steps).orElse(0);
                }
            }
        }
        assertThat(stepsBeforeKill).as(Files.readString(dir.resolve("record.log"))).isGreaterThanOrEqualTo(6);
        p.destroyForcibly().waitFor();
        long gone = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (GenerationProcessTest.processesMentioning(data.toString()) > 0 && System.nanoTime() < gone) {
            Thread.sleep(100);
        }
        assertThat(GenerationProcessTest.processesMentioning(data.toString())).isZero();

        String list = cli("traj", "list");
        assertThat(list).contains("interrupted");
        try (Store s = Store.open(data)) {
            Trajectories ts = new Trajectories(s);
            Trajectory t = ts.get(1).orElseThrow();
            assertThat(t.status()).isEqualTo(TrajectoryStatus.INTERRUPTED);
            List<Step> steps = ts.steps(1);
            assertThat(steps.size()).isGreaterThanOrEqualTo(stepsBeforeKill);
            for (int i = 0; i < steps.size(); i++) {
                assertThat(steps.get(i).index()).isEqualTo(i);
                assertThat(s.blobs().contains(steps.get(i).screenshot())).as("screen of step " + i).isTrue();
            }
        }
    }

    @Test
    void aRecordedRunRoundTripsIsAnnotatedAuditedAndBecomesTrainingData() throws Exception {
        Sandboxes.requireTools(List.of("xterm"));
        String rec = cli("traj", "record", "template:xterm/total_employment/2");
        assertThat(rec).contains("Recording trajectory 1").contains("audit 1: SOLVED").contains("checker passed: yes");
        cli("traj", "export", "1", "--format", "osworld", "--out", dir.resolve("out/os/t1").toString());
        cli("traj", "export", "1", "--format", "gym-anything", "--out", dir.resolve("out/ga/episode_1").toString());
        assertThat(cliExpect(2, "traj", "export", "1", "--format", "osworld", "--out", dir.resolve("out/os/t1").toString()))
                .as("an export never overwrites").contains("not empty");
        String imported = cli("traj", "import", dir.resolve("out").toString());
        assertThat(imported).contains("2 imported, 0 failed");
        assertThat(cli("traj", "list", "--source", "osworld")).contains("template:xterm/total_employment/2");

        String show = cli("traj", "show", "1");
        assertThat(show).contains("done");
        cli("traj", "tag", "1", "0", "verification-check");
        cli("traj", "tag", "1", "1", "mis-click");
        cli("traj", "note", "1", "1", "clicked into the terminal before typing");
        assertThat(cli("traj", "list", "--tag", "mis-click")).contains(" 1 ");
        assertThat(cli("traj", "list", "--search", "before typing")).contains(" 1 ");
        cli("traj", "verdict", "1", "good", "--note", "clean run");
        cli("traj", "verdict", "2", "bad");
        String audit = cli("traj", "audit", "3");
        assertThat(audit).contains("SOLVED").contains("live");

        String training = cli("traj", "training", "--out", dir.resolve("train").toString());
        assertThat(training).contains("from 1 trajectories");
        List<String> lines = Files.readAllLines(dir.resolve("train/train.jsonl"));
        Trajectory t;
        try (Store s = Store.open(dir.resolve("data"))) {
            t = new Trajectories(s).get(1).orElseThrow();
            assertThat(new Trajectories(s).list(TrajectoryFilter.all())).hasSize(3);
        }
        // Step 1 is tagged as a mistake and the last step ("done") is kept: steps minus one.
        assertThat(lines).hasSize(t.steps() - 1);
        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(lines.get(0));
        assertThat(first.get("messages")).hasSize(3);
        assertThat(first.at("/messages/1/content/0/text").asText()).startsWith("Task: ");
        String image = first.at("/messages/1/content/1/image").asText();
        assertThat(dir.resolve("train").resolve(image)).exists();
        assertThat(first.get("tags").toString()).contains("verification-check");
        assertThat(first.at("/messages/2/content").asText()).contains("ACTION: [");
        assertThat(m.readTree(dir.resolve("train/manifest.json").toFile()).get("samples").asInt()).isEqualTo(lines.size());
        // Bad input never stops the rest: a missing folder fails alone.
        String bad = cliExpect(1, "traj", "import", dir.resolve("nowhere").toString(), dir.resolve("out/os").toString());
        assertThat(bad).contains("FAILED").contains("does not exist").contains("1 imported, 1 failed");
    }
}
