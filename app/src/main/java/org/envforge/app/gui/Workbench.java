package org.envforge.app.gui;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.envforge.app.cli.GuiLauncher;
import org.envforge.app.cli.GuiOptions;
import org.envforge.app.wiring.Engine;
import org.envforge.engine.GenerationParameters;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.store.Settings;
import org.envforge.views.approval.ApprovalView;
import org.envforge.views.approval.ApprovalViewModel;
import org.envforge.views.audit.AuditView;
import org.envforge.views.audit.AuditViewModel;
import org.envforge.views.audit.RoundSource;
import org.envforge.views.catalog.CatalogView;
import org.envforge.views.catalog.CatalogViewModel;
import org.envforge.views.common.FxTaskRunner;
import org.envforge.views.common.TaskRunner;
import org.envforge.views.environments.EnvironmentsView;
import org.envforge.views.environments.EnvironmentsViewModel;
import org.envforge.views.generation.GenerationView;
import org.envforge.views.generation.GenerationViewModel;
import org.envforge.views.generation.JobRunner;
import org.envforge.views.main.MainViewModel;
import org.envforge.views.main.MainWindow;
import org.envforge.views.main.Page;
import org.envforge.views.main.PreferenceStore;
import org.envforge.views.main.Theme;
import org.envforge.views.patterns.PatternSource;
import org.envforge.views.patterns.PatternsView;
import org.envforge.views.patterns.PatternsViewModel;
import org.envforge.views.replay.ReplayView;
import org.envforge.views.replay.ReplayViewModel;
import org.envforge.views.sandbox.SandboxView;
import org.envforge.views.sandbox.SandboxViewModel;
import org.kordamp.ikonli.feather.Feather;

/** Starts JavaFX (without an Application subclass, so the engine is passed in, not looked up). */
public final class Workbench implements GuiLauncher {

    @Override
    public boolean launch(Engine engine, GuiOptions options, PrintWriter err) {
        String platform = System.getProperty("glass.platform", "");
        String display = System.getenv("DISPLAY");
        if (!"Monocle".equalsIgnoreCase(platform) && (display == null || display.isBlank())) {
            err.println("envforge: no display (DISPLAY is not set), so the workbench cannot open.");
            err.println("  On a desktop, run it from a graphical session; on a headless machine, try: xvfb-run -a ./envforge");
            err.println("  Everything the workbench does is also on the command line: ./envforge --help");
            err.flush();
            engine.close();
            return false;
        }
        PreferenceStore prefs = preferences(engine, err);
        Theme theme = options.theme().map(Theme::parse).orElseGet(() -> MainViewModel.storedTheme(prefs));
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Stage stage = new Stage();
            Ui ui = build(engine, prefs, theme, new FxTaskRunner(2));
            ui.apply(options);
            Dimension2D size = windowSize(Screen.getPrimary().getVisualBounds());
            Scene scene = new Scene(ui.window(), size.getWidth(), size.getHeight());
            stage.setScene(scene);
            stage.setTitle("EnvForge");
            Optional.ofNullable(Workbench.class.getResourceAsStream("/envforge/icons/envforge-256.png"))
                    .ifPresent(in -> stage.getIcons().add(new Image(in)));
            stage.setOnHidden(e -> {
                ui.sandbox().stop();
                engine.close();
            });
            stage.show();
        });
        return true;
    }

    /** 1440 x 900, or the screen where it is smaller (on a 1024 x 700 screen a fixed size cut the window off on every side). */
    static Dimension2D windowSize(Rectangle2D screen) {
        return new Dimension2D(Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
    }

    /** The built workbench: its window and the view-models that options and tests drive. */
    public record Ui(MainWindow window, MainViewModel main, CatalogViewModel catalog, Supplier<CatalogView> catalogView,
            EnvironmentsViewModel environments, Supplier<EnvironmentsView> environmentsView, SandboxViewModel sandbox,
            GenerationViewModel generation, AuditViewModel audits, ApprovalViewModel approvals, PatternsViewModel patterns,
            ReplayViewModel replay) {

        /** Opens the page, product and selection that the options name. */
        public void apply(GuiOptions options) {
            options.page().ifPresent(window::select);
            options.trajectory().ifPresent(ref -> {
                window.select("trajectories");
                String[] parts = ref.split(":", 2);
                try {
                    replay.open(Long.parseLong(parts[0].strip()), parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 0);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--trajectory must be ID or ID:STEP (numbers), was '" + ref + "'", e);
                }
            });
            options.boot().ifPresent(ref -> {
                window.select("sandbox");
                String[] parts = ref.split("/", 2);
                sandbox.bootWhenLoaded(parts[0], parts.length > 1 ? parts[1] : "");
            });
            options.generate().ifPresent(software -> {
                window.select("generation");
                generation.form().value(GenerationParameters.SOFTWARE).set(software);
                generation.start();
            });
            options.task().ifPresent(ref -> {
                window.select("environments");
                options.tab().ifPresent(environmentsView.get()::showTab);
                environments.openTask(ref);
            });
            if (options.product().isPresent() || options.selectTopN().isPresent()) {
                window.select("catalog");
                catalog.whenLoaded(() -> {
                    options.selectTopN().ifPresent(n -> {
                        catalog.nProperty().set(n);
                        catalog.selectTopN();
                        catalogView.get().showTab(1);
                    });
                    options.product().ifPresent(p -> {
                        catalog.showProduct(p);
                        catalogView.get().showTab(0);
                    });
                });
            }
        }
    }

    /** Builds the window content; also used by tests. */
    public static Ui build(Engine engine, PreferenceStore prefs, Theme theme, TaskRunner tasks) {
        MainViewModel main = new MainViewModel(prefs, tasks, engine.dataDir().toString(), theme);
        CatalogViewModel catalogVm = new CatalogViewModel(engine.catalog(), tasks);
        Supplier<CatalogView> catalogViewSupplier = once(() -> {
            CatalogView v = new CatalogView(catalogVm);
            catalogVm.load();
            return v;
        });
        EnvironmentsViewModel envVm = new EnvironmentsViewModel(engine.environments(), engine.environmentImport(), tasks);
        Supplier<EnvironmentsView> envView = once(() -> {
            EnvironmentsView v = new EnvironmentsView(envVm);
            envVm.refresh();
            return v;
        });
        SandboxViewModel sandboxVm = new SandboxViewModel(engine.sandboxes(), tasks);
        // The creation-audit engine's screenshots, fetched by their hash.
        Function<String, Optional<byte[]>> blobs = engine.generation()::screenshot;
        List<String> pluginIds = engine.plugins().plugins().stream().map(SoftwarePlugin::id).toList();
        GenerationViewModel generationVm = new GenerationViewModel(JobRunner.of(engine.generation()), pluginIds, blobs, tasks);
        AuditViewModel auditVm = new AuditViewModel(RoundSource.of(engine.generation()), blobs, tasks);
        ApprovalViewModel approvalVm = new ApprovalViewModel(engine.environments(), tasks, "gui:" + System.getProperty("user.name",
                "curator"));
        PatternsViewModel patternsVm = new PatternsViewModel(PatternSource.of(engine.generation()), pluginIds, tasks);
        Supplier<AuditView> auditView = once(() -> new AuditView(auditVm));
        ReplayViewModel replayVm = new ReplayViewModel(engine.trajectories(), tasks);
        Supplier<ReplayView> replayView = once(() -> new ReplayView(replayVm));
        List<Page> pages = List.of(
                new Page("catalog", "Catalog", Feather.BAR_CHART_2, catalogViewSupplier::get),
                new Page("environments", "Environments", Feather.LAYERS, envView::get),
                new Page("sandbox", "Sandbox", Feather.MONITOR, () -> {
                    SandboxView v = new SandboxView(sandboxVm);
                    sandboxVm.load();
                    return v;
                }),
                // The audit, approval and patterns views reload whenever they are shown.
                new Page("generation", "Generation", Feather.ZAP, () -> new GenerationView(generationVm)),
                new Page("audits", "Audit debugger", Feather.TOOL, auditView::get),
                new Page("approvals", "Approvals", Feather.CHECK_SQUARE, () -> new ApprovalView(approvalVm)),
                new Page("patterns", "Failure patterns", Feather.PIE_CHART, () -> new PatternsView(patternsVm)),
                new Page("trajectories", "Trajectories", Feather.FILM, replayView::get));
        MainWindow window = new MainWindow(main, pages);
        window.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        generationVm.setOnOpenAudit((job, index) -> {
            window.select("audits");
            auditView.get().showTab(0);
            auditVm.open(job, index);
        });
        return new Ui(window, main, catalogVm, catalogViewSupplier, envVm, envView, sandboxVm, generationVm, auditVm, approvalVm,
                patternsVm, replayVm);
    }

    /** The workbench preferences kept in the store's settings table. */
    static PreferenceStore preferences(Settings settings) {
        return new PreferenceStore() {
            @Override
            public Optional<String> get(String key) {
                return settings.get(key);
            }

            @Override
            public void put(String key, String value) {
                settings.put(key, value);
            }
        };
    }

    /** A supplier that builds its value on the first call (on the FX thread) and keeps it. */
    static <T> Supplier<T> once(Supplier<T> build) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = build.get();
                }
                return value;
            }
        };
    }

    private static PreferenceStore preferences(Engine engine, PrintWriter err) {
        try {
            return preferences(new Settings(engine.store()));
        } catch (RuntimeException e) {
            err.println("envforge: warning: " + e.getMessage());
            err.println("  Preferences are kept in memory for this session.");
            err.flush();
            return PreferenceStore.inMemory();
        }
    }
}
