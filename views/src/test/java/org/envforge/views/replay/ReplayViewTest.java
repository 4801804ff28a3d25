package org.envforge.views.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.envforge.action.Action;
import org.envforge.agent.rules.RuleTestTimeAuditor;
import org.envforge.plugin.PluginRegistry;
import org.envforge.runtime.PngEncoder;
import org.envforge.service.EnvironmentService;
import org.envforge.service.SandboxService;
import org.envforge.service.TrajectoryService;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.ActionText;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.TrajectoryStatus;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.views.common.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher replays stored trajectories: opens one from the list, steps with the keyboard and
 * the scrubber, sees the action drawn on the frame that was actually stored for that step, flips
 * to the screen after, plays back, filters steps, tags, notes and judges, all written to the store.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayViewTest {

    private static final int W = 320;
    private static final int H = 200;

    @TempDir
    static Path dir;

    private Store store;
    private Trajectories ts;
    private TrajectoryService service;
    private FxTaskRunner tasks;
    private ReplayViewModel vm;
    private ReplayView view;
    private long small;
    private long other;

    /** A frame whose whole background is one colour, so a test can tell which frame is shown. */
    static byte[] frame(int seed) {
        int[] px = new int[W * H];
        java.util.Arrays.fill(px, colour(seed));
        return PngEncoder.encode(px, W, H);
    }

    static int colour(int seed) {
        return (seed * 0x2F4B3D + 0x102030) & 0xFFFFFF;
    }

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data-" + System.nanoTime()));
        ts = new Trajectories(store);
        small = smallTrajectory();
        other = ts.create("template:mousepad/fix_number/1", "Fix the number.", "oracle", "envforge", "test", TrajectoryStatus.RECORDING);
        service = new TrajectoryService(() -> store, new SandboxService(() -> {
            throw new IllegalStateException("no sandbox in this test");
        }, new PluginRegistry(List.of()), () -> null, () -> store), new EnvironmentService(() -> store), Map.of(),
                new RuleTestTimeAuditor(100));
        tasks = new FxTaskRunner(2);
        vm = new ReplayViewModel(service, tasks);
        view = new ReplayView(vm);
        vm.refresh();
        // The theme's looked-up colours (-color-fg-muted, ...) that replay.css uses.
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(view, 1400, 1150));
        stage.show();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(vm::close);
        WaitForAsyncUtils.waitForFxEvents();
        tasks.close();
        store.close();
    }

    /** Six steps: frames 0..5 before them (frame 3 shown twice), the final screen 9 after the last. Step 2 failed. */
    private long smallTrajectory() {
        long id = ts.create("template:gnumeric/total_employment/3", "Put the total employment in C9.", "oracle", "envforge", "test",
                TrajectoryStatus.RECORDING);
        List<Action> actions = List.of(Action.Click.left(100, 50), new Action.TypeText("=SUM(C2:C8)"), Action.Key.of("enter"),
                Action.Key.of("ctrl", "s"), new Action.Wait(500), new Action.Done());
        int[] screens = {0, 1, 2, 3, 3, 4};
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            boolean last = i == actions.size() - 1;
            ts.addStep(id, new Step(i, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(i), 20, List.of(a), ActionText.of(a),
                    null, "I will " + ActionText.of(a), store.blobs().put(frame(screens[i])), last ? store.blobs().put(frame(9)) : null,
                    null, last, i == 2 ? "xdotool: key failed" : null));
        }
        ts.finish(id, TrajectoryStatus.COMPLETE, true, true, "checker: 3 of 3 conditions hold");
        return id;
    }

    private long bigTrajectory(int n) {
        long id = ts.create("template:xterm/total_employment/4", "A long run.", "llm", "osworld", "test", TrajectoryStatus.RECORDING);
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shas.add(store.blobs().put(frame(100 + i)));
        }
        List<Step> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Action a = Action.Key.of("down");
            batch.add(new Step(i, Instant.now(), 1, List.of(a), ActionText.of(a), null, "", shas.get(i % shas.size()), null, null,
                    false, null));
        }
        ts.addSteps(id, batch);
        ts.finish(id, TrajectoryStatus.COMPLETE, false, false, "stopped");
        return id;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    /** The colour in the middle of the shown image. */
    private int shownColour() {
        Image img = vm.frame().imageProperty().get();
        Color c = img.getPixelReader().getColor((int) img.getWidth() / 2, (int) img.getHeight() / 2);
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    private boolean frameShown() {
        return vm.currentProperty().get() != null && vm.frame().imageProperty().get() != null && !vm.frame().loadingProperty().get();
    }

    private void open(FxRobot robot, long id) throws Exception {
        robot.interact(vm::refresh);
        waitFor(() -> vm.list().trajectories().stream().anyMatch(t -> t.id() == id));
        robot.interact(() -> vm.open(id));
        waitFor(this::frameShown);
    }

    @Test
    void opensStepsWithTheKeyboardAndDrawsTheAction(FxRobot robot) throws Exception {
        waitFor(() -> vm.list().trajectories().size() == 2);
        robot.clickOn(robot.lookup("template:gnumeric/total_employment/3").<Node>query());
        waitFor(this::frameShown);
        assertThat(vm.steps()).hasSize(6);
        assertThat(shownColour()).isEqualTo(colour(0));
        // A left click at (100, 50) is drawn as a click mark on the screen.
        assertThat(robot.lookup("#replay-overlay .replay-click-dot").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#replay-step-label").queryLabeled().getText()).contains("1 / 6");

        robot.clickOn("#replay-screen");
        robot.type(KeyCode.RIGHT);
        waitFor(() -> vm.indexProperty().get() == 1 && !vm.frame().loadingProperty().get());
        assertThat(shownColour()).isEqualTo(colour(1));
        assertThat(robot.lookup("#replay-overlay .replay-type-caption").queryAll()).as("typed text is shown").isNotEmpty();
        assertThat(robot.lookup("#replay-action").queryLabeled().getText()).contains("=SUM(C2:C8)");

        // The scrubber follows, and moving it moves the replay.
        Slider scrubber = robot.lookup("#replay-scrubber").queryAs(Slider.class);
        assertThat(scrubber.isDisabled()).isFalse();
        assertThat(scrubber.getMax()).isEqualTo(5.0);
        assertThat(scrubber.getValue()).isEqualTo(1.0);
        robot.interact(() -> scrubber.setValue(4));
        waitFor(() -> vm.indexProperty().get() == 4 && !vm.frame().loadingProperty().get());
        assertThat(shownColour()).as("step 4 repeats frame 3, stored once").isEqualTo(colour(3));
        assertThat(view.stepList().getSelectionModel().getSelectedIndex()).isEqualTo(4);
        assertThat(view.filmstrip().getSelectionModel().getSelectedIndex()).isEqualTo(4);

        robot.type(KeyCode.END);
        waitFor(() -> vm.indexProperty().get() == 5 && !vm.frame().loadingProperty().get());
        assertThat(shownColour()).isEqualTo(colour(4));
        assertThat(robot.lookup("#replay-overlay .replay-end-done").queryAll()).as("the done badge").isNotEmpty();
        // After the last step: the final screen.
        robot.clickOn("#replay-after");
        waitFor(() -> !vm.frame().loadingProperty().get() && shownColour() == colour(9));
        // After a middle step: the next step's screen.
        robot.clickOn("#replay-screen");
        robot.type(KeyCode.HOME);
        waitFor(() -> vm.indexProperty().get() == 0 && !vm.frame().loadingProperty().get() && shownColour() == colour(1));
        robot.clickOn("#replay-before");
        waitFor(() -> !vm.frame().loadingProperty().get() && shownColour() == colour(0));
    }

    @Test
    void playsBackAndStopsAtTheEnd(FxRobot robot) throws Exception {
        open(robot, small);
        robot.interact(() -> vm.playback().speedProperty().set(10));
        robot.clickOn("#replay-screen");
        robot.type(KeyCode.SPACE);
        waitFor(() -> vm.playback().playingProperty().get() || vm.indexProperty().get() == 5);
        waitFor(() -> vm.indexProperty().get() == 5 && !vm.playback().playingProperty().get());
        assertThat(robot.lookup("#replay-play").queryButton().getText()).isEqualTo("Play");
        robot.interact(() -> vm.playback().speedProperty().set(42));
        assertThat(vm.playback().speedProperty().get()).as("speed is kept within 1-10x").isEqualTo(10);
    }

    @Test
    void filtersStepsAndStoresTagsNotesAndVerdict(FxRobot robot) throws Exception {
        open(robot, small);
        robot.clickOn("#replay-failed-only");
        waitFor(() -> vm.stepList().visible().size() == 1);
        assertThat(vm.stepList().visible().get(0).index()).isEqualTo(2);
        robot.clickOn("#replay-failed-only");
        waitFor(() -> vm.stepList().visible().size() == 6);

        robot.clickOn("#replay-screen");
        robot.type(KeyCode.RIGHT, 3);
        waitFor(() -> vm.indexProperty().get() == 3);
        robot.clickOn("#replay-tag-mis-click");
        robot.clickOn("#replay-note").write("Saved before the formula was entered.");
        robot.clickOn("#replay-save-note");
        waitFor(vm.annotations()::writesIdle);
        Map<Integer, StepAnnotation> stored = service.annotations(small);
        assertThat(stored.get(3).tags()).containsExactly("mis-click");
        assertThat(stored.get(3).note()).isEqualTo("Saved before the formula was entered.");

        robot.clickOn("#replay-tagged-only");
        waitFor(() -> vm.stepList().visible().size() == 1);
        assertThat(vm.stepList().visible().get(0).index()).isEqualTo(3);
        robot.clickOn("#replay-tagged-only");

        // Untagging goes to the store too.
        robot.clickOn("#replay-tag-mis-click");
        waitFor(vm.annotations()::writesIdle);
        assertThat(service.annotations(small).getOrDefault(3, null) == null || service.annotations(small).get(3).tags().isEmpty())
                .isTrue();

        robot.clickOn("#replay-verdict-bad");
        robot.clickOn("#replay-verdict-note").write("Saved too early.");
        robot.clickOn("#replay-save-verdict");
        waitFor(() -> vm.annotations().writesIdle() && service.get(small).verdict() == TrajectoryVerdict.BAD);
        assertThat(service.get(small).verdictNote()).isEqualTo("Saved too early.");
        waitFor(() -> robot.lookup("#replay-trajectories").queryTableView().getItems().stream()
                .anyMatch(t -> ((org.envforge.trajectory.Trajectory) t).verdict() == TrajectoryVerdict.BAD));
    }

    @Test
    void opensA10000StepTrajectoryAndJumpsAnywhere(FxRobot robot) throws Exception {
        long big = bigTrajectory(10_000);
        open(robot, big);
        assertThat(vm.steps()).hasSize(10_000);
        assertThat(shownColour()).isEqualTo(colour(100));
        robot.clickOn("#replay-screen");
        robot.type(KeyCode.END);
        waitFor(() -> vm.indexProperty().get() == 9_999 && !vm.frame().loadingProperty().get());
        assertThat(shownColour()).isEqualTo(colour(100 + 9_999 % 20));
        assertThat(view.stepList().getSelectionModel().getSelectedIndex()).isEqualTo(9_999);
        assertThat(robot.lookup("#replay-step-label").queryLabeled().getText()).contains("10,000 / 10,000");
        // Opened again in the middle (a deep link): the lists scroll to that step.
        robot.interact(() -> vm.open(big, 5_000));
        waitFor(() -> vm.indexProperty().get() == 5_000 && !vm.frame().loadingProperty().get());
        assertThat(shownColour()).isEqualTo(colour(100 + 5_000 % 20));
        assertThat(robot.lookup("#replay-step-title").queryLabeled().getText()).contains("Step 5000").contains("5,001 of 10,000");
        // The lists are laid out in a later pulse than the one that set the step.
        waitFor(() -> visibleCellIndices(view.stepList()).contains(5_000) && visibleCellIndices(view.filmstrip()).contains(5_000));
        // The list search finds trajectories by their instruction.
        robot.clickOn("#replay-search").write("long run");
        waitFor(() -> vm.list().trajectories().size() == 1 && vm.list().trajectories().get(0).id() == big);
        assertThat(vm.list().trajectories()).extracting(t -> t.id()).doesNotContain(other);
    }

    private static List<Integer> visibleCellIndices(javafx.scene.control.ListView<?> list) {
        return list.lookupAll(".list-cell").stream().map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> c.isVisible() && !c.isEmpty()).map(javafx.scene.control.ListCell::getIndex).toList();
    }

    @Test
    void togglesShowWhichScreenIsOn(FxRobot robot) throws Exception {
        open(robot, small);
        ToggleButton before = robot.lookup("#replay-before").queryAs(ToggleButton.class);
        ToggleButton after = robot.lookup("#replay-after").queryAs(ToggleButton.class);
        assertThat(before.isSelected()).isTrue();
        robot.clickOn(after);
        assertThat(vm.frame().afterProperty().get()).isTrue();
        robot.clickOn(after);
        assertThat(after.isSelected()).as("one of before and after is always on").isTrue();
    }
}
