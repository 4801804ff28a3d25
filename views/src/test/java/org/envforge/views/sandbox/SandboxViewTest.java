package org.envforge.views.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.envforge.action.Action;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.PluginContract;
import org.envforge.runtime.Sandboxes;
import org.envforge.service.SandboxService;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;
import org.envforge.store.Store;
import org.envforge.text.Clip;
import org.envforge.text.Noise;
import org.envforge.views.common.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A person drives a real sandbox from the Sandbox view: boot, watch, click and type on the screen, check. */
@ExtendWith(ApplicationExtension.class)
class SandboxViewTest {

    @TempDir
    static Path dir;

    private FxTaskRunner tasks;
    private SandboxViewModel vm;
    private Store store;

    /**
     * A plugin on xterm: "hello" makes ~/hello.txt say hello; "noisy" is the same task whose setup
     * fills ~/hello.txt with a MiB and escapes, and whose export script prints almost 8 MiB with
     * terminal escapes, the real error last, and fails.
     */
    static final class HelloPlugin implements SoftwarePlugin {
        static final String NOISY_SETUP = "{ printf '\\033[1m'; head -c 1048576 /dev/zero | tr '\\0' y; printf '\\nend of file\\n'; } "
                + "> ~/hello.txt";
        static final String NOISY_EXPORT = "printf '\\033[31mERROR while seeding\\033[0m\\r\\n' >&2; "
                + "head -c 8387584 /dev/zero | tr '\\0' x >&2; printf '\\a\\033]0;pwned\\a\\nError: no such table: staff\\n' >&2; exit 1";

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("hello", "xterm hello", List.of("xterm"), List.of("xterm"), List.of(), List.of());
        }

        @Override
        public List<TaskTemplate> templates() {
            return List.of(template("hello", "", ""), template("noisy", NOISY_SETUP, NOISY_EXPORT));
        }

        private static TaskTemplate template(String id, String setup, String export) {
            return new TaskTemplate() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public String title() {
                    return "Write hello into a file";
                }

                @Override
                public TaskDraft generate(TemplateContext ctx) {
                    return TaskDraft.builder().template(id).name(id + "_s" + ctx.seed())
                            .instruction("Create the file ~/hello.txt containing the word hello.").difficulty("easy").maxSteps(5)
                            .timeoutSeconds(60).setup(setup)
                            .launch(List.of("xterm", "-T", "Hello", "-geometry", "80x20+0+0", "-e", "bash", "--norc", "-i"))
                            .windowTitle("^Hello$").export(export)
                            .checker(new Checker.Probes(List.of(Drafts.condition("file_text", "equals", "hello", "path", "~/hello.txt"))))
                            .checklist(new Checklist(List.of(Drafts.item("file", 100, "hello.txt says hello", "")), List.of(), ""))
                            .privilegedInfo(new PrivilegedInfo(List.of(), "", "high", false)).oracle(List.of(new Action.Wait(10)))
                            .provenance("BLS").build();
                }
            };
        }
    }

    @Start
    void start(Stage stage) {
        Sandboxes.requireTools(List.of("xterm"));
        store = Store.open(dir.resolve("data-" + System.nanoTime()));
        tasks = new FxTaskRunner(2);
        var runtime = Sandboxes.local(dir);
        SandboxService service = new SandboxService(() -> runtime, new PluginRegistry(List.of(new HelloPlugin())),
                PluginContract::seedData, () -> store);
        vm = new SandboxViewModel(service, tasks);
        stage.setScene(new Scene(new SandboxView(vm), 1280, 800));
        stage.show();
        vm.load();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::stop).get();
        tasks.close();
        store.close();
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void bootWatchActOnTheScreenAndCheck(FxRobot robot) throws Exception {
        waitFor(() -> vm.templateProperty().get() != null);
        robot.clickOn("#sandbox-boot");
        waitFor(() -> vm.runningProperty().get());
        assertThat(robot.lookup("#sandbox-instruction").queryAs(Label.class).getText()).contains("~/hello.txt");
        waitFor(() -> vm.windows().stream().anyMatch(w -> w.title().equals("Hello")));
        waitFor(() -> vm.fpsProperty().get() >= 5);
        assertThat(vm.frameProperty().get().getWidth()).isEqualTo(1280);

        // The checker fails at the start.
        robot.clickOn("#sandbox-check");
        waitFor(() -> vm.checkProperty().get() != null);
        assertThat(vm.checkProperty().get().passed()).isFalse();

        // Click on the terminal in the picture and type, as a person would.
        var screen = robot.lookup("#sandbox-screen").query();
        var b = screen.localToScreen(screen.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() * 0.2, b.getMinY() + b.getHeight() * 0.1);
        robot.write("echo hello > ~/hello.txt");
        robot.type(KeyCode.ENTER);
        waitFor(() -> {
            vm.runCheck();
            Thread.sleep(300);
            return vm.checkProperty().get() != null && vm.checkProperty().get().passed();
        });
        assertThat(robot.lookup("#sandbox-verdict").queryAs(Label.class).getText()).startsWith("PASS");
        assertThat(vm.probes()).anySatisfy(p -> assertThat(p.value().strip()).isEqualTo("hello"));

        robot.clickOn("#sandbox-reset");
        waitFor(() -> vm.statusProperty().get().startsWith("Reset"));
        robot.clickOn("#sandbox-check");
        waitFor(() -> vm.checkProperty().get() != null && !vm.checkProperty().get().passed());
        robot.clickOn("#sandbox-stop");
        waitFor(() -> !vm.runningProperty().get());
    }

    @Test
    void aCheckThatFailsNoisilyShowsABoundedCleanStatus(FxRobot robot) throws Exception {
        waitFor(() -> vm.templateProperty().get() != null);
        robot.interact(() -> vm.bootWhenLoaded("hello", "noisy"));
        waitFor(() -> vm.runningProperty().get());
        robot.clickOn("#sandbox-check");
        waitFor(() -> vm.statusProperty().get().startsWith("Check failed"));
        String shown = robot.lookup("#sandbox-status").queryAs(Label.class).getText();
        Noise.assertBoundedAndClean("status bar", shown, Clip.LINE);
        assertThat(shown).startsWith("Check failed: ").contains("export script").contains("bytes]").endsWith(Noise.TAIL);
        // The probes read the file the setup filled: bounded and clean too.
        robot.interact(vm::readProbes);
        waitFor(() -> !vm.probes().isEmpty());
        assertThat(vm.probes()).allSatisfy(p -> Noise.assertBoundedAndClean("probe reading", p.value(), Clip.REASON));
        assertThat(vm.probes().get(0).value()).contains("yyy").contains("end of file");
        robot.clickOn("#sandbox-stop");
        waitFor(() -> !vm.runningProperty().get());
    }
}
