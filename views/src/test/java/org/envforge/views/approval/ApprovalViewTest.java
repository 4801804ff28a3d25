package org.envforge.views.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.envforge.service.EnvironmentImport;
import org.envforge.service.EnvironmentService;
import org.envforge.spec.Corpus;
import org.envforge.spec.StatusChange;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.store.Store;
import org.envforge.views.common.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A curator works through the approval queue of a real store: approve audited tasks, refuse and reject a failed one. */
@ExtendWith(ApplicationExtension.class)
class ApprovalViewTest {

    @TempDir
    static Path dir;

    private Store store;
    private EnvironmentService service;
    private FxTaskRunner tasks;
    private ApprovalViewModel vm;
    private ApprovalView view;
    private String mpg;
    private String quake;
    private String iris;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data-" + System.nanoTime()));
        service = new EnvironmentService(() -> store);
        new EnvironmentImport(() -> store).importPaths(List.of(Corpus.env("gnu_octave_env")), p -> { });
        List<TaskSummary> all = service.tasks(TaskFilter.all());
        mpg = ref(all, "auto_mpg_regression");
        quake = ref(all, "earthquake_magnitude_analysis");
        iris = ref(all, "iris_scatter_plot");
        service.setStatus(mpg, TaskStatus.AUDIT_PASSED, "auditor:rules", "all audit items pass");
        service.setStatus(quake, TaskStatus.AUDIT_PASSED, "auditor:rules", "all audit items pass (some partial)");
        service.setStatus(iris, TaskStatus.AUDIT_FAILED, "auditor:rules", "failed: oracle_solves, probes_match_truth");
        tasks = new FxTaskRunner(2);
        vm = new ApprovalViewModel(service, tasks, "gui:tester");
        view = new ApprovalView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    private static String ref(List<TaskSummary> all, String name) {
        return all.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().ref();
    }

    private TaskStatus status(String ref) {
        return service.task(ref).orElseThrow().summary().status();
    }

    private StatusChange last(String ref) {
        StoredTask t = service.task(ref).orElseThrow();
        return t.history().get(t.history().size() - 1);
    }

    /** Waits for the condition, checked on the FX thread (where the view-model's lists change). */
    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void approveTheAuditedTasksThenRefuseAndRejectTheFailedOne(FxRobot robot) throws Exception {
        robot.interact(vm::refresh);
        // Audit-passed tasks await a decision; the failed one is not in the queue.
        waitFor(() -> vm.queue().size() == 2);
        assertThat(view.tableView().getItems()).extracting(TaskSummary::ref).containsExactlyInAnyOrder(mpg, quake);
        assertThat(label(robot, "#approval-count")).isEqualTo("2 tasks");
        assertThat(robot.lookup("#approval-approve").queryAs(Button.class).isDisabled()).isTrue();

        // The focused task's instruction and audit summary.
        robot.clickOn(mpg);
        waitFor(() -> vm.detailProperty().get() != null);
        String instruction = service.task(mpg).orElseThrow().summary().instruction();
        assertThat(label(robot, "#approval-instruction")).isEqualTo(instruction).isNotBlank();
        assertThat(label(robot, "#approval-audit")).isEqualTo("Audit passed (rules auditor): all audit items pass");
        assertThat(label(robot, "#approval-title")).isEqualTo(mpg);

        // Both selected, approved; the queue refreshes empty.
        robot.interact(() -> view.tableView().getSelectionModel().selectAll());
        assertThat(label(robot, "#approval-selection")).isEqualTo("2 selected");
        robot.clickOn("#approval-approve");
        waitFor(() -> vm.queue().isEmpty() && label(robot, "#approval-status").startsWith("Approved"));
        assertThat(label(robot, "#approval-status")).isEqualTo("Approved 2 tasks.");
        assertThat(status(mpg)).isEqualTo(TaskStatus.APPROVED);
        assertThat(status(quake)).isEqualTo(TaskStatus.APPROVED);
        assertThat(last(mpg).actor()).isEqualTo("gui:tester");

        // The audit-failed filter shows the failed task with its audit summary.
        robot.interact(() -> vm.scopeProperty().set(ApprovalViewModel.Scope.AUDIT_FAILED));
        waitFor(() -> vm.queue().size() == 1);
        robot.clickOn(iris);
        waitFor(() -> vm.auditSummaryProperty().get().startsWith("Audit failed"));
        assertThat(label(robot, "#approval-audit")).isEqualTo("Audit failed (rules auditor): failed: oracle_solves, probes_match_truth");

        // Approving it asks for an override; cancelled, nothing changes.
        robot.clickOn("#approval-approve");
        waitFor(() -> robot.lookup(".dialog-pane .header-panel .label").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Approve 1 task whose audit did not pass?");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status(iris)).isEqualTo(TaskStatus.AUDIT_FAILED);

        // Rejecting needs a reason: the dialog's Reject stays disabled until one is typed.
        robot.clickOn("#approval-reject");
        waitFor(() -> robot.lookup("#approval-reason").tryQuery().isPresent());
        Node ok = robot.lookup("#approval-reject-ok").query();
        assertThat(ok.isDisabled()).isTrue();
        robot.clickOn("#approval-reason").write("the oracle never saves the plot");
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);
        waitFor(() -> vm.queue().isEmpty() && label(robot, "#approval-status").startsWith("Rejected"));
        assertThat(label(robot, "#approval-status")).isEqualTo("Rejected 1 task: the oracle never saves the plot.");
        assertThat(status(iris)).isEqualTo(TaskStatus.REJECTED);
        assertThat(last(iris).reason()).isEqualTo("the oracle never saves the plot");
        assertThat(last(iris).actor()).isEqualTo("gui:tester");

        // All tasks, with their new statuses.
        robot.interact(() -> vm.scopeProperty().set(ApprovalViewModel.Scope.ALL));
        waitFor(() -> vm.queue().size() == 3);
        assertThat(vm.queue()).extracting(TaskSummary::status).containsExactlyInAnyOrder(TaskStatus.APPROVED, TaskStatus.APPROVED,
                TaskStatus.REJECTED);
        assertThat(Window.getWindows()).hasSize(1);
    }

    @Test
    void overridingApprovesATaskWhoseAuditFailed(FxRobot robot) throws Exception {
        robot.interact(() -> vm.scopeProperty().set(ApprovalViewModel.Scope.AUDIT_FAILED));
        waitFor(() -> vm.queue().size() == 1);
        robot.clickOn(iris);
        robot.clickOn("#approval-approve");
        waitFor(() -> robot.lookup(".dialog-pane .header-panel .label").tryQuery().isPresent());
        robot.clickOn("OK");
        waitFor(() -> vm.queue().isEmpty() && label(robot, "#approval-status").startsWith("Approved"));
        assertThat(status(iris)).isEqualTo(TaskStatus.APPROVED);
    }
}
