package org.envforge.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.envforge.action.Action;
import org.envforge.spec.Problem;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.io.GymAnythingEpisodes;
import org.envforge.trajectory.io.OsworldTrajectories;
import org.envforge.trajectory.io.TrajectoryImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OSWorld and Gym-Anything folders: round trips, their own layouts, and bad input. */
class TrajectoryIoTest {

    @TempDir
    Path dir;
    private Store store;
    private Trajectories ts;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        ts = new Trajectories(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TrajectoryImporter importer() {
        return new TrajectoryImporter(ts, store.blobs(), read -> null);
    }

    /** A recorded trajectory: 5 steps, screens 0..4 before them (screens 2 and 3 identical), final screen 5. */
    private long recorded() {
        long id = ts.create("template:xterm/total_employment/4", "Total the employment column.", "oracle", "envforge", "test",
                TrajectoryStatus.RECORDING);
        List<Action> actions = List.of(new Action.WaitForWindow("^Stub$", 10_000), Action.Click.left(200, 100),
                new Action.TypeText("awk '{s+=$2} END {print s}' data.tsv > total.txt\n"), Action.Key.of("ctrl", "s"), new Action.Done());
        int[] screens = {0, 1, 2, 2, 3};
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        for (int i = 0; i < actions.size(); i++) {
            String sha = store.blobs().put(Frames.png(screens[i]));
            ts.addStep(id, new Step(i, t0.plusSeconds(i), 10 + i, List.of(actions.get(i)), ActionText.of(actions.get(i)), null,
                    "step " + i, sha, i == actions.size() - 1 ? store.blobs().put(Frames.png(5)) : null, null,
                    i == actions.size() - 1, null));
        }
        ts.finish(id, TrajectoryStatus.COMPLETE, true, true, "checker: 1 of 1 conditions hold");
        return id;
    }

    private void assertSameSteps(long a, long b) {
        List<Step> x = ts.steps(a);
        List<Step> y = ts.steps(b);
        assertThat(y).hasSameSizeAs(x);
        for (int i = 0; i < x.size(); i++) {
            assertThat(y.get(i).actions()).as("step " + i).isEqualTo(x.get(i).actions());
            assertThat(y.get(i).screenshot()).as("screen before step " + i).isEqualTo(x.get(i).screenshot());
            assertThat(y.get(i).response()).isEqualTo(x.get(i).response());
            assertThat(y.get(i).done()).isEqualTo(x.get(i).done());
        }
        assertThat(y.get(y.size() - 1).afterShot()).isEqualTo(x.get(x.size() - 1).afterShot()).isNotNull();
        Trajectory tx = ts.get(a).orElseThrow();
        Trajectory ty = ts.get(b).orElseThrow();
        assertThat(ty.taskRef()).isEqualTo(tx.taskRef());
        assertThat(ty.instruction()).isEqualTo(tx.instruction());
        assertThat(ty.saidDone()).isTrue();
        assertThat(ty.checkerPassed()).isTrue();
        assertThat(ty.status()).isEqualTo(TrajectoryStatus.IMPORTED);
    }

    @Test
    void gymAnythingRoundTripKeepsStepsActionsAndScreens() throws Exception {
        long id = recorded();
        Path out = dir.resolve("ga/episode_1");
        int shots = GymAnythingEpisodes.write(ts.get(id).orElseThrow(), ts.steps(id), store.blobs(), out).written();
        assertThat(shots).isEqualTo(1 + 5 + 1);
        assertThat(out.resolve("frame_00000.png")).exists();
        assertThat(Files.readAllLines(out.resolve("traj.jsonl"))).hasSize(1 + 5 + 1).first().asString().contains("\"reset\"");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"passed\" : true");
        long blobsBefore = blobCount();
        TrajectoryImporter.Report r = importer().importPaths(List.of(dir.resolve("ga")), i -> { });
        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.items().get(0).problems()).isEmpty();
        assertSameSteps(id, r.items().get(0).trajectory());
        assertThat(blobCount()).as("identical frames are stored once").isEqualTo(blobsBefore);
    }

    @Test
    void osworldRoundTripKeepsStepsActionsAndScreens() throws Exception {
        long id = recorded();
        Path out = dir.resolve("results/pyautogui/screenshot/oracle/xterm/t1");
        OsworldTrajectories.write(ts.get(id).orElseThrow(), ts.steps(id), store.blobs(), out);
        String first = Files.readAllLines(out.resolve("traj.jsonl")).get(1);
        assertThat(first).contains("\"step_num\":2").contains("pyautogui.click(200, 100)").contains("step_2_");
        assertThat(Files.readString(out.resolve("result.txt")).strip()).isEqualTo("1.0");
        TrajectoryImporter.Report r = importer().importPaths(List.of(dir.resolve("results")), i -> { });
        assertThat(r.imported()).isEqualTo(1);
        long back = r.items().get(0).trajectory();
        // WaitForWindow has no pyautogui form: it comes back as a wait of its timeout.
        List<Step> steps = ts.steps(back);
        assertThat(steps.get(0).actions()).containsExactly(new Action.Wait(10_000));
        assertThat(steps.subList(1, 5).stream().map(Step::actions).toList()).isEqualTo(ts.steps(id).subList(1, 5).stream()
                .map(Step::actions).toList());
        assertThat(steps.get(2).screenshot()).isEqualTo(ts.steps(id).get(2).screenshot());
        assertThat(ts.get(back).orElseThrow().agent()).isEqualTo("oracle");
    }

    @Test
    void readsGymAnythingsOwnLayout() throws Exception {
        Path ep = dir.resolve("episode_20261125_abc");
        Files.createDirectories(ep);
        Files.writeString(ep.resolve("traj.jsonl"), String.join("\n",
                "{\"event\": \"reset\", \"ts\": 1764064800.5, \"seed\": 42, \"env\": \"gnumeric_env@0.1\", \"task\": \"sum_column\"}",
                "{\"event\": \"session\", \"env_id\": \"gnumeric_env@0.1\"}",
                "{\"event\": \"step\", \"ts\": 1764064801.0, \"idx\": 0, \"action\": [{\"mouse\": {\"left_click\": [10, 20]}}]}",
                "{\"event\": \"step\", \"ts\": 1764064802.0, \"idx\": 1, \"action\": [{\"keyboard\": {\"text\": \"=SUM(C2:C9)\"}}, "
                        + "{\"keyboard\": {\"keys\": [\"enter\"]}}]}",
                "{\"event\": \"step\", \"ts\": 1764064803.0, \"idx\": 2, \"action\": [{\"action\": \"wait\", \"time\": 2}]}",
                "{\"event\": \"finalize\", \"ts\": 1764064804.0}") + "\n");
        for (int i = 0; i < 3; i++) {
            Files.write(ep.resolve(String.format("frame_%05d.png", i)), Frames.png(10 + i));
        }
        Files.write(ep.resolve("final.png"), Frames.png(20));
        Files.writeString(ep.resolve("summary.json"), "{\"env\": \"gnumeric_env@0.1\", \"task\": \"sum_column\", \"steps\": 3, "
                + "\"verifier\": {\"passed\": false, \"score\": 40, \"feedback\": \"C10 is empty\"}}");
        TrajectoryImporter.Report r = importer().importPaths(List.of(ep), i -> { });
        assertThat(r.imported()).isEqualTo(1);
        Trajectory t = ts.get(r.items().get(0).trajectory()).orElseThrow();
        assertThat(t.taskRef()).isEqualTo("gym-anything:gnumeric_env@0.1/sum_column");
        assertThat(t.checkerPassed()).isFalse();
        assertThat(t.verification()).contains("score 40").contains("C10 is empty");
        List<Step> steps = ts.steps(t.id());
        assertThat(steps).hasSize(3);
        assertThat(steps.get(1).actions()).containsExactly(new Action.TypeText("=SUM(C2:C9)"), Action.Key.of("enter"));
        assertThat(steps.get(2).actions()).containsExactly(new Action.Wait(2000));
        // frame_N is the screen after step N, so it is the screen before step N+1; step 0's own screen was overwritten.
        assertThat(steps.get(0).screenshot()).isNull();
        assertThat(steps.get(1).screenshot()).isEqualTo(org.envforge.store.BlobStore.sha256(Frames.png(10)));
        assertThat(steps.get(2).afterShot()).isEqualTo(org.envforge.store.BlobStore.sha256(Frames.png(20)));
    }

    @Test
    void badInputGivesPerItemErrorsAndStoresOnlyWhatIsWhole() throws Exception {
        long kept = recorded();
        Path root = dir.resolve("bad");
        // One OSWorld folder with a bit of everything wrong.
        Path f = root.resolve("results/pyautogui/screenshot/m/os/task-1");
        Files.createDirectories(f);
        Files.write(f.resolve("step_1_20261125@100000000000.png"), Frames.png(1));
        byte[] corrupt = Frames.png(2);
        corrupt[40] ^= 0x7F;
        Files.write(f.resolve("step_3_20261125@100002000000.png"), corrupt);
        try (RandomAccessFile huge = new RandomAccessFile(f.resolve("step_4_20261125@100003000000.png").toFile(), "rw")) {
            huge.setLength(TrajectoryImporter.MAX_PNG_BYTES + 1);
        }
        Files.writeString(f.resolve("traj.jsonl"), String.join("\n",
                "{\"step_num\": 1, \"action_timestamp\": \"20261125@100000000000\", \"action\": \"pyautogui.click(5, 5)\", "
                        + "\"reward\": 0, \"done\": false, \"screenshot_file\": \"step_1_20261125@100000000000.png\"}",
                "{\"step_num\": 2, \"action_timestamp\": \"20261125@100001000000\", \"action\": \"pyautogui.press('enter')\", "
                        + "\"done\": false, \"screenshot_file\": \"../../../../../../../etc/passwd\"}",
                "{\"step_num\": 3, \"action_timestamp\": \"20261125@100002000000\", \"action\": \"x = 5; pyautogui.click(x, 1)\", "
                        + "\"done\": false, \"screenshot_file\": \"step_3_20261125@100002000000.png\"}",
                "{\"step_num\": 4, \"action_timestamp\": \"20261125@100003000000\", \"action\": \"pyautogui.write('ok')\", "
                        + "\"done\": false, \"screenshot_file\": \"step_4_20261125@100003000000.png\"}",
                "{\"step_num\": 5, \"action_timestamp\": \"20261125@100004000000\", \"action\": \"DONE\", \"done\": true, "
                        + "\"screenshot_file\": \"step_5_missing.png\"}",
                "{\"step_num\": 6, \"action_timestamp\": \"2026112"));
        // A folder whose traj.jsonl is neither format, one with a traj.jsonl too large, and a path that does not exist.
        Path junk = root.resolve("junk");
        Files.createDirectories(junk);
        Files.write(junk.resolve("traj.jsonl"), new byte[] {0, 1, 2, 3, '{', '}'}); // UTF-8, but no known key
        Path big = root.resolve("big");
        Files.createDirectories(big);
        try (RandomAccessFile huge = new RandomAccessFile(big.resolve("traj.jsonl").toFile(), "rw")) {
            huge.write("{\"event\": \"reset\"}\n".getBytes(StandardCharsets.UTF_8));
            huge.setLength(600L * 1024 * 1024);
        }
        List<TrajectoryImporter.Item> seen = new ArrayList<>();
        TrajectoryImporter.Report r = importer().importPaths(List.of(root, dir.resolve("nowhere")), seen::add);
        assertThat(seen).hasSize(4);
        TrajectoryImporter.Item ok = r.items().stream().filter(i -> i.folder().equals(f)).findFirst().orElseThrow();
        assertThat(ok.imported()).isTrue();
        assertThat(ok.steps()).isEqualTo(5);
        assertThat(ok.screenshots()).isEqualTo(1);
        List<String> problems = ok.problems().stream().map(Problem::toString).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("line 2").contains("outside the folder"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("line 3").contains("x = 5"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("step_3_").contains("bad CRC"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("step_4_").contains("too large"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("step_5_missing.png").contains("missing"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("line 6").contains("truncated"));
        List<Step> steps = ts.steps(ok.trajectory());
        assertThat(steps.get(2).actions()).isEmpty();
        assertThat(steps.get(2).nativeJson()).contains("pyautogui.click(x, 1)");
        assertThat(steps.get(4).actions()).containsExactly(new Action.Done());
        assertThat(ts.get(ok.trajectory()).orElseThrow().saidDone()).isTrue();
        assertThat(r.items().stream().filter(i -> i.folder().equals(junk)).findFirst().orElseThrow().problems().get(0).message())
                .contains("neither");
        assertThat(r.items().stream().filter(i -> i.folder().equals(big)).findFirst().orElseThrow().problems().get(0).message())
                .contains("too large");
        assertThat(r.items().stream().filter(i -> i.folder().endsWith("nowhere")).findFirst().orElseThrow().problems().get(0)
                .message()).contains("does not exist");
        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.failed()).isEqualTo(3);
        // What was stored before is untouched; the failed folders stored nothing.
        assertThat(ts.list(TrajectoryFilter.all())).hasSize(2);
        assertThat(ts.steps(kept)).hasSize(5);
    }

    private long blobCount() throws Exception {
        try (Stream<Path> s = Files.walk(store.blobs().root())) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
