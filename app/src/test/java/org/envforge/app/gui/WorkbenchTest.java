package org.envforge.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.envforge.app.cli.GuiOptions;
import org.envforge.app.wiring.Engine;
import org.envforge.store.Settings;
import org.envforge.views.common.FxTaskRunner;
import org.envforge.views.main.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole workbench as wired for users: the Catalog opens first; the theme switch is remembered. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {

    @TempDir
    static Path dir;

    private Engine engine;
    private FxTaskRunner tasks;
    private Workbench.Ui ui;

    @Start
    void start(Stage stage) {
        engine = Engine.standard(dir.resolve("data"));
        tasks = new FxTaskRunner(2);
        ui = Workbench.build(engine, Workbench.preferences(new Settings(engine.store())), Theme.LIGHT, tasks);
        ui.apply(new GuiOptions(java.util.Optional.empty(), java.util.Optional.of("SQLite"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));
        stage.setScene(new Scene(ui.window(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        engine.close();
    }

    @Test
    void opensOnTheCatalogShowingTheRequestedProductAndRemembersTheTheme(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#catalog-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ui.catalog().selectedProductProperty().get() != null);
        assertThat(ui.catalog().selectedProductProperty().get().name()).isEqualTo("SQLite");
        assertThat(table.getSelectionModel().getSelectedItem()).isNotNull();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.LIGHT.stylesheet());

        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.DARK.stylesheet());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> new Settings(engine.store()).get("ui.theme").orElse("").equals("DARK"));
        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> new Settings(engine.store()).get("ui.theme").orElse("").equals("LIGHT"));
    }

    /** gui --generate: the Generation page starts a job for that software; a value the form refuses is said there. */
    @Test
    void generateOpensTheGenerationPageAndStartsWithTheFormsCheck(FxRobot robot) throws Exception {
        GuiOptions none = GuiOptions.none();
        robot.interact(() -> ui.apply(new GuiOptions(none.page(), none.product(), none.selectTopN(), none.theme(), none.task(),
                none.tab(), none.boot(), none.trajectory(), java.util.Optional.of("  "))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.generation().job().statusProperty().get().startsWith("Cannot start"));
        assertThat(ui.generation().job().statusProperty().get()).contains("--software");
        assertThat(ui.generation().job().statusIsErrorProperty().get()).isTrue();
        assertThat(robot.lookup("#gen-software").tryQuery()).isPresent();
    }
}
