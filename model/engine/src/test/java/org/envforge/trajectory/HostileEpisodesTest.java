package org.envforge.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.envforge.spec.Problem;
import org.envforge.store.BlobStore;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.io.TrajectoryImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Episode folders made to hurt: links out of the folder, FIFOs and text that is not UTF-8. Every
 * file an import reads is a regular file inside the folder; what lies outside is never stored or
 * shown.
 */
class HostileEpisodesTest {

    private static final Duration HANG = Duration.ofSeconds(30);
    private static final String SECRET = "root:$6$hunter2$abcdef:19000:0:99999:7:::";
    private static final String OSWORLD_LINE = "{\"step_num\": 1, \"action_timestamp\": \"20261125@100000000000\", "
            + "\"action\": \"pyautogui.click(5, 5)\", \"reward\": 0, \"done\": true, \"screenshot_file\": "
                    + "\"step_1_20261125@100000000000.png\"}";
    private static final String GYM_LINES = String.join("\n",
            "{\"event\": \"reset\", \"ts\": 1764064800.5, \"env\": \"gnumeric_env@0.1\", \"task\": \"sum_column\"}",
            "{\"event\": \"step\", \"ts\": 1764064801.0, \"idx\": 0, \"action\": [{\"mouse\": {\"left_click\": [10, 20]}}]}",
            "{\"event\": \"finalize\", \"ts\": 1764064804.0}") + "\n";

    @TempDir
    Path dir;
    private Store store;
    private Path outside;

    @BeforeEach
    void open() throws IOException {
        store = Store.open(dir.resolve("data"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("shadow"), SECRET);
        Files.write(outside.resolve("shot.png"), Frames.png(77));
        Files.writeString(outside.resolve("traj.jsonl"), OSWORLD_LINE + "\n");
        Files.writeString(outside.resolve("summary.json"), "{\"verifier\": {\"passed\": true, \"feedback\": \"" + SECRET + "\"}}");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TrajectoryImporter.Report importAll(Path... roots) {
        TrajectoryImporter importer = new TrajectoryImporter(new Trajectories(store), store.blobs(), read -> null);
        return assertTimeoutPreemptively(HANG, () -> importer.importPaths(List.of(roots), i -> { }));
    }

    private static TrajectoryImporter.Item item(TrajectoryImporter.Report r, Path folder) {
        return r.items().stream().filter(i -> i.folder().equals(folder)).findFirst()
                .orElseThrow(() -> new AssertionError("no item for " + folder + " in " + r.items()));
    }

    private static Problem problem(TrajectoryImporter.Item item, String file) {
        return item.problems().stream().filter(p -> p.file().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + file + " in " + item.problems()));
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve("in").resolve(name));
    }

    private static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor()).isZero();
    }

    // Item 14 ------------------------------------------------------------------------------------

    @Test
    void linksOutOfTheFolderAreRefusedAndWhatTheyPointAtIsNeverStoredOrShown() throws Exception {
        Path traj = folder("traj-link");
        Files.createSymbolicLink(traj.resolve("traj.jsonl"), outside.resolve("traj.jsonl"));

        Path result = folder("result-link");
        Files.writeString(result.resolve("traj.jsonl"), OSWORLD_LINE + "\n");
        Files.createSymbolicLink(result.resolve("result.txt"), outside.resolve("shadow"));

        Path shots = folder("shot-links");
        Files.writeString(shots.resolve("traj.jsonl"), OSWORLD_LINE + "\n");
        Files.createSymbolicLink(shots.resolve("step_0_20261125@095959000000.png"), outside.resolve("shot.png"));
        Files.createSymbolicLink(shots.resolve("step_1_20261125@100000000000.png"), outside.resolve("shot.png"));

        Path gym = folder("gym-links");
        Files.writeString(gym.resolve("traj.jsonl"), GYM_LINES);
        Files.createSymbolicLink(gym.resolve("frame_00000.png"), outside.resolve("shot.png"));
        Files.createSymbolicLink(gym.resolve("final.png"), outside.resolve("shot.png"));
        Files.createSymbolicLink(gym.resolve("initial.png"), outside.resolve("shot.png"));
        Path gymSummary = folder("gym-summary-link");
        Files.writeString(gymSummary.resolve("traj.jsonl"), GYM_LINES);
        Files.createSymbolicLink(gymSummary.resolve("summary.json"), outside.resolve("summary.json"));
        Path notes = folder("notes-link");
        Files.writeString(notes.resolve("traj.jsonl"), GYM_LINES);
        Files.createSymbolicLink(notes.resolve("envforge.json"), outside.resolve("summary.json"));

        TrajectoryImporter.Report r = importAll(dir.resolve("in"));
        assertThat(r.items()).hasSize(6);
        for (TrajectoryImporter.Item i : r.items()) {
            assertThat(i.problems()).as(i.folder().toString()).allSatisfy(p -> assertThat(p.toString()).doesNotContain("hunter2"));
        }
        assertThat(problem(item(r, traj), "traj.jsonl").message()).contains("leads outside the folder");
        assertThat(item(r, traj).imported()).isFalse();
        assertThat(problem(item(r, result), "result.txt").message()).contains("leads outside the folder");
        assertThat(problem(item(r, gymSummary), "summary.json").message()).contains("leads outside the folder");
        assertThat(problem(item(r, notes), "envforge.json").message()).contains("leads outside the folder");
        // Screenshots linked outside are left out, the steps kept.
        assertThat(item(r, shots).imported()).isTrue();
        assertThat(problem(item(r, shots), "step_0_20261125@095959000000.png").message()).contains("leads outside the folder");
        assertThat(item(r, gym).imported()).isTrue();
        assertThat(problem(item(r, gym), "frame_00000.png").message()).contains("leads outside the folder");
        assertThat(problem(item(r, gym), "final.png").message()).contains("leads outside the folder");
        assertThat(store.blobs().contains(BlobStore.sha256(Frames.png(77)))).isFalse();
    }

    @Test
    void linksThatStayInsideTheFolderAreRead() throws Exception {
        Path ep = folder("inside-links");
        Files.writeString(ep.resolve("real.jsonl"), OSWORLD_LINE + "\n");
        Files.createSymbolicLink(ep.resolve("traj.jsonl"), Path.of("real.jsonl"));
        Files.write(ep.resolve("shot.png"), Frames.png(3));
        Files.createSymbolicLink(ep.resolve("step_1_20261125@100000000000.png"), Path.of("shot.png"));
        TrajectoryImporter.Report r = importAll(ep);
        assertThat(r.items().get(0).problems()).isEmpty();
        assertThat(r.items().get(0).screenshots()).isEqualTo(1);
    }

    // Item 13 ------------------------------------------------------------------------------------

    @Test
    void aFifoIsNeverOpened() throws Exception {
        Path linked = folder("traj-fifo");
        mkfifo(linked.resolve("pipe"));
        Files.createSymbolicLink(linked.resolve("traj.jsonl"), Path.of("pipe"));
        Path direct = folder("traj-is-fifo");
        mkfifo(direct.resolve("traj.jsonl"));
        Path frames = folder("frame-fifo");
        Files.writeString(frames.resolve("traj.jsonl"), GYM_LINES);
        mkfifo(frames.resolve("frame_00000.png"));
        Path summary = folder("summary-fifo");
        Files.writeString(summary.resolve("traj.jsonl"), GYM_LINES);
        mkfifo(summary.resolve("summary.json"));
        Path root = dir.resolve("root-fifo");
        mkfifo(root);

        TrajectoryImporter.Report r = importAll(dir.resolve("in"), root);
        assertThat(problem(item(r, linked), "traj.jsonl").message()).contains("not a regular file");
        assertThat(problem(item(r, direct), "traj.jsonl").message()).contains("not a regular file");
        assertThat(problem(item(r, frames), "frame_00000.png").message()).contains("not a regular file");
        assertThat(item(r, frames).imported()).isTrue();
        assertThat(problem(item(r, summary), "summary.json").message()).contains("not a regular file");
        assertThat(problem(item(r, root), root.toString()).message()).contains("not a folder");
    }

    // Item 16 ------------------------------------------------------------------------------------

    @Test
    void invalidUtf8IsSaidToBeInvalidUtf8WithItsLine() throws Exception {
        Path first = folder("bad-utf8-first");
        byte[] line = (OSWORLD_LINE + "\n").getBytes(StandardCharsets.UTF_8);
        line[20] = (byte) 0xC3; // starts a two-byte sequence that the next byte does not continue
        Files.write(first.resolve("traj.jsonl"), line);
        Path later = folder("bad-utf8-later");
        byte[] good = GYM_LINES.getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 2];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xFF;
        bad[good.length + 1] = '\n';
        Files.write(later.resolve("traj.jsonl"), bad);

        TrajectoryImporter.Report r = importAll(dir.resolve("in"));
        Problem p = problem(item(r, first), "traj.jsonl");
        assertThat(p.isError()).isTrue();
        assertThat(p.message()).contains("not valid UTF-8").doesNotContain("neither");
        assertThat(p.line()).isEqualTo(1);
        Problem q = problem(item(r, later), "traj.jsonl");
        assertThat(q.message()).contains("not valid UTF-8");
        assertThat(q.line()).isEqualTo(4);
        assertThat(r.imported()).isZero();
    }
}
