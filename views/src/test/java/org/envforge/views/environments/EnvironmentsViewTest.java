package org.envforge.views.environments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.envforge.service.EnvironmentImport;
import org.envforge.service.EnvironmentService;
import org.envforge.spec.Corpus;
import org.envforge.spec.Problem;
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

/** Drives the Environments view: import with progress and report, filter, open a task, follow a problem to its line. */
@ExtendWith(ApplicationExtension.class)
class EnvironmentsViewTest {

    @TempDir
    static Path dir;

    private Store store;
    private FxTaskRunner tasks;
    private EnvironmentsViewModel vm;
    private EnvironmentsView view;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data-" + System.nanoTime()));
        tasks = new FxTaskRunner(2);
        vm = new EnvironmentsViewModel(new EnvironmentService(() -> store), new EnvironmentImport(() -> store), tasks);
        view = new EnvironmentsView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
        vm.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    @Test
    void importFilterOpenATaskAndFollowAProblemToItsLine(FxRobot robot) throws Exception {
        // A copy of a real environment, with one task broken on purpose.
        Path env = Corpus.copy(Corpus.env("wps_office_writer_env"), dir.resolve("src-" + System.nanoTime() + "/wps_office_writer_env"));
        Files.writeString(env.resolve("tasks/create_data_table/task.json"), "{ \"id\": ");
        robot.interact(() -> vm.importPaths(List.of(env)));
        waitFor(() -> vm.lastReportProperty().get() != null);
        assertThat(vm.lastReportProperty().get().tasksStored()).isEqualTo(22);
        // The result summary: a dialog listing the error first.
        waitFor(() -> robot.lookup("#env-import-report").tryQuery().isPresent());
        ListView<String> report = (ListView<String>) robot.lookup("#env-import-report .list-view").queryAs(ListView.class);
        assertThat(report.getItems().get(0)).startsWith("error: wps_office_writer_env/tasks/create_data_table/task.json");
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Imported 1 environment and 22 tasks (1 skipped with errors); " + vm.lastReportProperty().get().warnings()
                        + " warnings, 1 error.");
        robot.clickOn("OK");
        assertThat(robot.lookup("#env-import-status").queryAs(Label.class).getText()).startsWith("Imported 1 environment");

        TreeView<TreeEntry> tree = robot.lookup("#env-tree").queryAs(TreeView.class);
        waitFor(() -> tree.getRoot().getChildren().size() == 1);
        TreeItem<TreeEntry> software = tree.getRoot().getChildren().get(0);
        assertThat(software.getValue().label()).isEqualTo("WPS Office Writer  (22)");
        assertThat(software.getChildren().get(0).getChildren()).hasSize(22);

        // Filter by difficulty.
        robot.interact(() -> vm.difficultyProperty().set("hard"));
        waitFor(() -> vm.countProperty().get().startsWith(vm.tasks().size() + " of 22"));
        assertThat(vm.tasks()).isNotEmpty().allMatch(t -> "hard".equals(t.difficulty()));
        robot.interact(() -> vm.difficultyProperty().set(EnvironmentsViewModel.ANY));
        waitFor(() -> vm.tasks().size() == 22);

        // Search, then open the task from the tree.
        robot.clickOn("#env-search").write("course_syllabus");
        waitFor(() -> vm.tasks().size() == 1);
        robot.clickOn("course_syllabus_format");
        waitFor(() -> vm.detailProperty().get() instanceof Detail.Task);
        assertThat(robot.lookup("#env-detail-title").queryAs(Label.class).getText())
                .isEqualTo("wps_office_writer_env@0.1/course_syllabus_format");
        assertThat(robot.lookup("#env-detail-status").queryAs(Label.class).getText()).isEqualTo("draft");
        assertThat(robot.lookup("#env-checklist").queryAs(GridPane.class).getChildren()).isNotEmpty();
        assertThat(robot.lookup("#env-pi").queryAs(GridPane.class).getChildren()).isNotEmpty();

        // Problems are marked at their lines, and a double-click on one opens its file there.
        Detail.Task detail = (Detail.Task) vm.detailProperty().get();
        Problem hook = detail.problems().stream().filter(p -> p.pointer().equals("/hooks/pre_task")).findFirst().orElseThrow();
        DocumentView taskJson = EnvironmentsViewModel.documentFor(detail, hook).orElseThrow();
        int line = EnvironmentsViewModel.lineOf(taskJson, hook);
        assertThat(taskJson.text().split("\n")[line - 1]).contains("\"pre_task\"");
        robot.clickOn("Problems (" + detail.problems().size() + ")");
        ListView<Problem> problems = robot.lookup("#env-problems").queryAs(ListView.class);
        int index = problems.getItems().indexOf(hook);
        robot.interact(() -> problems.getSelectionModel().select(index));
        robot.doubleClickOn((javafx.scene.Node) robot.lookup("#env-problems .list-cell").nth(index).query());
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#env-detail-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Files");
        assertThat(robot.lookup("#env-files").queryAs(ListView.class).getSelectionModel().getSelectedItem()).isEqualTo(taskJson);
        assertThat(view.code().text()).isEqualTo(taskJson.text());
        assertThat(view.code().markedLines()).contains(line);
        assertThat(view.code().lineStyle(line)).containsExactly("problem-warning-line");
        assertThat(view.code().lineStyle(1)).isEmpty();
        assertThat(Window.getWindows()).hasSize(1);
    }
}
