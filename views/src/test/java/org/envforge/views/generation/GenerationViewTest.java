package org.envforge.views.generation;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.ItemVerdict;
import org.envforge.engine.JobEvent;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.JobSpec;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.text.Clip;
import org.envforge.text.Noise;
import org.envforge.views.common.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A job's events, scripted, fill in the live view: environments and their status, the creator's
 * and the auditor's streams side by side, the screenshots, the checklist item by item, the round.
 */
@ExtendWith(ApplicationExtension.class)
class GenerationViewTest {

    private static final long JOB = 7;

    /** A job runner whose run() plays the events the test feeds it, from its own thread. */
    static final class ScriptedRunner implements JobRunner {
        final BlockingQueue<JobEvent> script = new LinkedBlockingQueue<>();
        final AtomicReference<JobSpec> submitted = new AtomicReference<>();
        final AtomicReference<String> runThread = new AtomicReference<>();
        volatile boolean cancelled;
        /** The job's message when run() returns. */
        volatile String message;

        @Override
        public long submit(JobSpec spec) {
            submitted.set(spec);
            return JOB;
        }

        @Override
        public JobInfo run(long job, Consumer<JobEvent> events) {
            runThread.set(Thread.currentThread().getName());
            while (true) {
                JobEvent e;
                try {
                    e = script.poll(30, TimeUnit.SECONDS);
                } catch (InterruptedException x) {
                    throw new IllegalStateException(x);
                }
                if (e == null) {
                    throw new IllegalStateException("the test fed no events");
                }
                events.accept(e);
                if (e instanceof JobEvent.Done d) {
                    return info(d.status(), d.status() == JobStatus.CANCELLED ? ItemStatus.RUNNING : ItemStatus.PASSED);
                }
            }
        }

        @Override
        public void cancel(long job) {
            cancelled = true;
            script.add(new JobEvent.Done(job, JobStatus.CANCELLED, 0, 0, 0));
        }

        @Override
        public Optional<JobInfo> job(long job) {
            return Optional.of(info(JobStatus.RUNNING, ItemStatus.PENDING));
        }

        JobInfo info(JobStatus status, ItemStatus itemStatus) {
            JobSpec spec = submitted.get();
            return new JobInfo(JOB, spec, status, Instant.now(), Instant.now(), message, List.of(
                    new JobItem(JOB, 0, "gnumeric", "Gnumeric", "gnumeric_j7_e1", itemStatus, 0, null),
                    new JobItem(JOB, 1, "gnumeric", "Gnumeric", "gnumeric_j7_e2", ItemStatus.PENDING, 0, null)));
        }
    }

    private final ScriptedRunner runner = new ScriptedRunner();
    private final List<long[]> opened = new ArrayList<>();
    private FxTaskRunner tasks;
    private GenerationViewModel vm;
    private GenerationView view;
    private byte[] red;
    private byte[] green;

    @Start
    void start(Stage stage) throws Exception {
        red = png(java.awt.Color.RED);
        green = png(java.awt.Color.GREEN);
        Map<String, byte[]> blobs = Map.of("sha-red", red, "sha-green", green);
        tasks = new FxTaskRunner(2);
        vm = new GenerationViewModel(runner, List.of("gnumeric", "mousepad", "xterm"), sha -> Optional.ofNullable(blobs.get(sha)),
                tasks);
        vm.setOnOpenAudit((job, index) -> opened.add(new long[] {job, index}));
        view = new GenerationView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        runner.script.add(new JobEvent.Done(JOB, JobStatus.DONE, 0, 0, 0));
        tasks.close();
    }

    private static byte[] png(java.awt.Color c) throws Exception {
        BufferedImage img = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 64, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Waits for the condition, checked on the FX thread (where the view-model's lists change). */
    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void feed(JobEvent... events) {
        runner.script.addAll(List.of(events));
    }

    private static ItemVerdict verdict(String item, AuditVerdict v, String reason) {
        return new ItemVerdict(item, item + "?", v, reason, List.of());
    }

    /** Whether a shown line containing the text lies inside the list's viewport. */
    private static boolean shownAtBottom(javafx.scene.control.ListView<FeedLine> list, String text) {
        javafx.geometry.Bounds viewport = list.localToScene(list.getLayoutBounds());
        return list.lookupAll(".feed-text").stream().filter(n -> n instanceof Label l && l.getText().contains(text))
                .filter(javafx.scene.Node::isVisible).filter(n -> n.getParent() != null && n.getParent().getParent() != null
                        && n.getParent().getParent().isVisible())
                .anyMatch(n -> {
                    javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                    return b.getMinY() >= viewport.getMinY() && b.getMaxY() <= viewport.getMaxY() + 1;
                });
    }

    /** The lines' texts, read on the FX thread. */
    private static List<String> texts(List<FeedLine> lines) throws Exception {
        Callable<List<String>> read = () -> lines.stream().map(FeedLine::text).toList();
        return javafx.application.Platform.isFxApplicationThread() ? read.call() : WaitForAsyncUtils.asyncFx(read).get();
    }

    @Test
    void aScriptedJobFillsInTheLiveView(FxRobot robot) throws Exception {
        // The form: software from the plugins, two environments, defaults for the agents.
        robot.interact(() -> vm.softwareProperty().set("mousepad"));
        robot.doubleClickOn("#gen-envs .text-field").write("2").type(KeyCode.ENTER);
        robot.clickOn("#gen-start");
        waitFor(() -> vm.jobIdProperty().get() == JOB);
        JobSpec spec = runner.submitted.get();
        assertThat(spec.software()).containsExactly("mousepad");
        assertThat(spec.envs()).isEqualTo(2);
        assertThat(spec.rounds()).isEqualTo(3);
        assertThat(spec.creator()).isEqualTo("recipe");
        assertThat(spec.auditor()).isEqualTo("rules");
        assertThat(robot.lookup("#gen-start").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(view.envTable().getItems()).extracting(EnvRow::envName).containsExactly("gnumeric_j7_e1", "gnumeric_j7_e2");
        assertThat(view.envTable().getItems()).extracting(EnvRow::status).containsExactly(ItemStatus.PENDING, ItemStatus.PENDING);

        // Round 1 of the first environment: the creator writes, the oracle acts, screenshots, verdicts.
        feed(new JobEvent.Started(JOB, 2, 0), new JobEvent.ItemStarted(JOB, 0, "gnumeric_j7_e1", "gnumeric"),
                new JobEvent.RoundStarted(JOB, 0, 1),
                new JobEvent.Message(JOB, 0, "creator", "seeded 12 rows of BLS wages"),
                new JobEvent.Screenshot(JOB, 0, "total_s1", "start", "sha-red"),
                new JobEvent.Action(JOB, 0, "total_s1", 1, 4, "{\"action\":\"click\",\"x\":10,\"y\":20}"),
                new JobEvent.Screenshot(JOB, 0, "total_s1", "end", "sha-green"),
                new JobEvent.AuditAnswer(JOB, 0, "total_s1", verdict("setup_runs", AuditVerdict.PASS, "setup ran and the app started")),
                new JobEvent.AuditAnswer(JOB, 0, "total_s1",
                        verdict("oracle_solves", AuditVerdict.FAIL, "the checker still fails after the oracle")));
        waitFor(() -> vm.checklist().stream().filter(r -> r.verdict() != null).count() == 2);
        assertThat(robot.lookup("#gen-round").queryAs(Label.class).getText()).isEqualTo("Round 1 of 3");
        assertThat(robot.lookup("#gen-env-title").queryAs(Label.class).getText()).isEqualTo("gnumeric_j7_e1");
        assertThat(texts(view.creatorList().getItems())).contains("seeded 12 rows of BLS wages",
                "oracle 1/4  {\"action\":\"click\",\"x\":10,\"y\":20}");
        assertThat(texts(view.creatorList().getItems())).noneMatch(t -> t.contains("checker still fails"));
        assertThat(view.auditorList().getItems()).filteredOn(l -> l.kind().equals("verdict")).extracting(FeedLine::verdict)
                .containsExactly(AuditVerdict.PASS, AuditVerdict.FAIL);
        // The checklist holds every audit item of the task; two are answered, the rest pending.
        assertThat(view.checklistTable().getItems()).hasSize(9);
        ChecklistRow oracle = view.checklistTable().getItems().stream().filter(r -> r.item().equals("oracle_solves")).findFirst()
                .orElseThrow();
        assertThat(oracle.verdict()).isEqualTo(AuditVerdict.FAIL);
        assertThat(oracle.reason()).isEqualTo("the checker still fails after the oracle");
        assertThat(view.checklistTable().getItems()).filteredOn(r -> r.verdict() == null).hasSize(7);
        assertThat(robot.lookup("#gen-checklist .verdict-fail").tryQuery()).isPresent();
        assertThat(robot.lookup("#gen-checklist-summary").queryAs(Label.class).getText()).isEqualTo("2 of 9 items answered, 1 failing");
        // The screenshots are shown.
        waitFor(() -> view.startView().getImage() != null && view.endView().getImage() != null);
        assertThat(view.startView().getImage().getWidth()).isEqualTo(64);
        assertThat(view.startView().getImage().getPixelReader().getColor(5, 5)).isEqualTo(Color.RED);
        assertThat(view.endView().getImage().getPixelReader().getColor(5, 5)).isEqualTo(Color.rgb(0, 255, 0));
        assertThat(robot.lookup("#gen-start-shot-caption").queryAs(Label.class).getText()).isEqualTo("Start of total_s1");
        assertThat(view.envTable().getItems().get(0).status()).isEqualTo(ItemStatus.RUNNING);

        // A long stream stays scrolled to its newest line.
        feed(java.util.stream.IntStream.rangeClosed(1, 60).mapToObj(i -> new JobEvent.Action(JOB, 0, "total_s1", i, 60,
                "{\"keyboard\":{\"text\":\"a rather long line of text typed by the oracle, step " + i + "\"}}"))
                .toArray(JobEvent[]::new));
        waitFor(() -> shownAtBottom(view.creatorList(), "oracle 60/60"));
        // Scrolled back by the reader (the wheel turned towards the first lines), it stays there while lines arrive.
        robot.moveTo(view.creatorList());
        robot.scroll(20, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownAtBottom(view.creatorList(), "oracle 60/60")).isFalse();
        feed(new JobEvent.Message(JOB, 0, "creator", "a note while the reader looks back"));
        waitFor(() -> texts(vm.creatorFeed()).contains("a note while the reader looks back"));
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownAtBottom(view.creatorList(), "a note while the reader looks back")).isFalse();

        // Round 2 starts: the counter moves on and the checklist starts again.
        feed(new JobEvent.RoundDone(JOB, 0, 1, false, null), new JobEvent.RoundStarted(JOB, 0, 2));
        waitFor(() -> vm.roundTextProperty().get().equals("Round 2 of 3"));
        assertThat(view.checklistTable().getItems()).isEmpty();
        // Evidence for a task: its items join the checklist, pending; then a verdict comes in.
        feed(new JobEvent.Action(JOB, 0, "total_s1", 1, 4, "{\"action\":\"wait\"}"));
        waitFor(() -> view.checklistTable().getItems().size() == 9);
        assertThat(view.checklistTable().getItems()).allMatch(r -> r.verdict() == null);
        feed(new JobEvent.AuditAnswer(JOB, 0, "total_s1", verdict("setup_runs", AuditVerdict.PASS, "fine")));
        waitFor(() -> view.checklistTable().getItems().stream().filter(r -> r.verdict() != null).count() == 1);
        assertThat(view.checklistTable().getItems()).hasSize(9).allMatch(r -> r.task().equals("total_s1"));
        assertThat(view.checklistTable().getItems()).filteredOn(r -> r.verdict() == null).hasSize(8);
        assertThat(robot.lookup("#gen-checklist-summary").queryAs(Label.class).getText()).isEqualTo("1 of 9 items answered, 0 failing");
        assertThat(texts(view.auditorList().getItems())).contains("Round 1: the audit failed.", "Round 2 of 3");
        assertThat(view.envTable().getItems().get(0).round()).isEqualTo(2);

        // The first environment passes; the second starts and the view follows it.
        feed(new JobEvent.RoundDone(JOB, 0, 2, true, null), new JobEvent.ItemDone(JOB, 0, "gnumeric_j7_e1", ItemStatus.PASSED),
                new JobEvent.ItemStarted(JOB, 1, "gnumeric_j7_e2", "gnumeric"), new JobEvent.RoundStarted(JOB, 1, 1),
                new JobEvent.Message(JOB, 1, "creator", "second environment"));
        waitFor(() -> vm.selectedProperty().get() != null && vm.selectedProperty().get().index() == 1
                && texts(vm.creatorFeed()).contains("second environment"));
        assertThat(texts(view.creatorList().getItems())).doesNotContain("seeded 12 rows of BLS wages");
        assertThat(view.checklistTable().getItems()).isEmpty();
        assertThat(view.startView().getImage()).isNull();
        assertThat(view.envTable().getItems().get(0).status()).isEqualTo(ItemStatus.PASSED);
        assertThat(robot.lookup("#gen-progress").queryAs(Label.class).getText()).isEqualTo("1 of 2 environments done, 1 passed");

        // Selecting the first environment again shows what it did.
        robot.interact(() -> vm.followProperty().set(false));
        robot.clickOn("gnumeric_j7_e1");
        waitFor(() -> texts(vm.creatorFeed()).contains("seeded 12 rows of BLS wages"));
        assertThat(robot.lookup("#gen-round").queryAs(Label.class).getText()).isEqualTo("Round 2 of 3");
        waitFor(() -> view.startView().getImage() != null);

        // It opens in the audit debugger.
        robot.clickOn("#gen-open-audit");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0)).containsExactly(JOB, 0);

        // Cancel: the engine is asked, the job ends cancelled, and a new job can start.
        robot.clickOn("#gen-cancel");
        waitFor(() -> !vm.runningProperty().get());
        assertThat(runner.cancelled).isTrue();
        assertThat(runner.runThread.get()).startsWith("envforge-generation-");
        assertThat(robot.lookup("#gen-status").queryAs(Label.class).getText()).startsWith("Job 7 cancelled");
        assertThat(robot.lookup("#gen-start").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void aJobWithoutSoftwareIsNotStarted(FxRobot robot) throws Exception {
        robot.interact(() -> vm.softwareProperty().set(""));
        robot.clickOn("#gen-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runner.submitted.get()).isNull();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(robot.lookup("#gen-status").queryAs(Label.class).getText()).startsWith("Cannot start: name a curation set");
    }

    @Test
    void aFailedJobSaysWhyInTheStatusBarBoundedAndClean(FxRobot robot) throws Exception {
        runner.message = "the local runtime cannot start a sandbox: " + Noise.EIGHT_MIB;
        robot.interact(() -> vm.softwareProperty().set("mousepad"));
        robot.clickOn("#gen-start");
        waitFor(() -> vm.jobIdProperty().get() == JOB);
        feed(new JobEvent.Started(JOB, 2, 0), new JobEvent.Done(JOB, JobStatus.FAILED, 0, 0, 2));
        waitFor(() -> !vm.runningProperty().get());
        Label status = robot.lookup("#gen-status").queryAs(Label.class);
        Noise.assertBoundedAndClean("status bar", status.getText(), Clip.LINE);
        assertThat(status.getText()).startsWith("Job 7 failed").contains("cannot start a sandbox").contains(Noise.TAIL);
        assertThat(status.getPseudoClassStates()).contains(Styles.STATE_DANGER);
    }
}
