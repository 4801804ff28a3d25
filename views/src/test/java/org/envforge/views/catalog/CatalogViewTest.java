package org.envforge.views.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.envforge.catalog.CurationSet;
import org.envforge.catalog.GdpSource;
import org.envforge.catalog.Product;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.ProductMapping;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.service.CatalogService;
import org.envforge.store.CurationSets;
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

/** Drives the Catalog view as a curator would: filter, select top N, save a curation set. */
@ExtendWith(ApplicationExtension.class)
class CatalogViewTest {

    @TempDir
    static Path dir;

    private Store store;
    private FxTaskRunner tasks;
    private CatalogViewModel vm;

    @Start
    void start(Stage stage) {
        store = Store.open(dir.resolve("data-" + System.nanoTime()));
        SoftwarePlugin sheet = () -> new PluginDescriptor("sheet", "Sheet", List.of(), List.of(),
                List.of(ProductMapping.substitute("Microsoft Excel")), List.of());
        CatalogService service = new CatalogService(GdpSource.shipped(), new PluginRegistry(List.of(sheet)), () -> store);
        tasks = new FxTaskRunner(2);
        vm = new CatalogViewModel(service, tasks);
        CatalogView view = new CatalogView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
        vm.load();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void filterSelectTopNAndSaveASet(FxRobot robot) throws Exception {
        TableView<Product> table = robot.lookup("#catalog-table").queryTableView();
        waitFor(() -> table.getItems().size() > 8000);
        Label shown = robot.lookup("#catalog-shown-count").queryAs(Label.class);
        assertThat(shown.getText()).isEqualTo(String.format("Showing %,d of %,d products", table.getItems().size(),
                table.getItems().size()));
        assertThat(table.getItems().get(0).name()).isEqualTo("Microsoft Excel");

        // Filter: search, then hide generic entries.
        robot.clickOn("#catalog-search").write("spreadsheet");
        waitFor(() -> table.getItems().size() < 50);
        assertThat(table.getItems()).allMatch(p -> p.name().toLowerCase().contains("spreadsheet")
                || p.commodityTitle().toLowerCase().contains("spreadsheet"));
        assertThat(table.getItems()).anyMatch(Product::generic);
        int withGeneric = table.getItems().size();
        robot.clickOn("#catalog-hide-generic");
        waitFor(() -> table.getItems().size() < withGeneric);
        assertThat(table.getItems()).noneMatch(Product::generic).isNotEmpty();
        assertThat(shown.getText()).startsWith("Showing " + table.getItems().size() + " of ");

        // Sorting by a column header re-orders the filtered rows.
        robot.clickOn("Product");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(Product::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        // Clicking a product shows its occupations.
        robot.clickOn(table.getItems().get(0).name());
        waitFor(() -> !vm.occupations().isEmpty());
        assertThat(robot.lookup("#catalog-detail-title").queryAs(Label.class).getText()).isEqualTo(table.getItems().get(0).name());

        // Clear the filters again.
        robot.clickOn("#catalog-hide-generic");
        robot.clickOn("#catalog-search");
        robot.interact(() -> robot.lookup("#catalog-search").queryTextInputControl().selectAll());
        robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        waitFor(() -> table.getItems().size() > 8000);

        // Select the top 30 covering every group.
        robot.clickOn("Selection");
        Spinner<?> n = robot.lookup("#catalog-n").queryAs(Spinner.class);
        robot.clickOn(n.getEditor());
        robot.interact(() -> n.getEditor().selectAll());
        robot.write("30").type(javafx.scene.input.KeyCode.ENTER);

        waitFor(() -> vm.nProperty().get() == 30);
        robot.clickOn("#catalog-select");
        waitFor(() -> vm.selectionProperty().get() != null);
        assertThat(vm.selectionProperty().get().products()).hasSize(30);
        assertThat(vm.selectionProperty().get().coverage().groupsCovered()).hasSize(22);
        assertThat(robot.lookup("#catalog-selection-summary").queryAs(Label.class).getText())
                .startsWith("30 products cover").contains("22 of 22 major groups");
        assertThat(robot.lookup("#coverage-45").queryAs(Label.class).getText()).endsWith("%");
        assertThat(vm.selectedNames()).contains("Microsoft Excel");

        // Save it as a curation set through the dialog.
        robot.clickOn("#catalog-save");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".dialog-pane .text-field").queryTextInputControl()).write("top-30-all-groups");
        robot.clickOn("OK");
        ListView<?> sets = robot.lookup("#catalog-sets").queryAs(ListView.class);
        waitFor(() -> sets.getItems().size() == 1);
        CurationSet saved = new CurationSets(store).byName("top-30-all-groups").orElseThrow();
        assertThat(saved.items()).hasSize(30);
        assertThat(saved.groupsCovered()).isEqualTo(22);
    }

    @Test
    void runnableFilterKeepsProductsAPluginRuns(FxRobot robot) throws Exception {
        TableView<Product> table = robot.lookup("#catalog-table").queryTableView();
        waitFor(() -> table.getItems().size() > 8000);
        robot.clickOn("#catalog-runnable-only");
        waitFor(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).name()).isEqualTo("Microsoft Excel");
        assertThat(robot.lookup("#catalog-runnable-only").queryAs(ToggleButton.class).isSelected()).isTrue();
    }
}
