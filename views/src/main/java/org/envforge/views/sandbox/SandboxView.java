package org.envforge.views.sandbox;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.envforge.action.Action;
import org.envforge.service.LiveSandbox;
import org.envforge.service.SandboxService;
import org.envforge.views.common.Parts;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Sandbox view: boot a plugin's task in a real sandbox, watch its screen live, click and type
 * on it, and see windows, probes and the checker.
 */
public final class SandboxView extends BorderPane {

    private final SandboxViewModel vm;
    private final ImageView screen = new ImageView();
    private final StackPane screenPane = new StackPane();
    private long lastDrag;

    public SandboxView(SandboxViewModel vm) {
        this.vm = vm;
        setId("sandbox-view");
        SplitPane split = new SplitPane(controls(), screenArea());
        split.setDividerPositions(0.27);
        setCenter(split);
        setBottom(statusBar());
    }

    private Node controls() {
        ComboBox<SandboxService.TemplateRef> template = new ComboBox<>(vm.templates());
        template.setId("sandbox-template");
        template.setMaxWidth(Double.MAX_VALUE);
        template.valueProperty().bindBidirectional(vm.templateProperty());
        template.setConverter(new StringConverter<>() {
            @Override
            public String toString(SandboxService.TemplateRef t) {
                return t == null ? "" : t.plugin() + " / " + t.template();
            }

            @Override
            public SandboxService.TemplateRef fromString(String s) {
                return null;
            }
        });
        Label what = new Label();
        what.setWrapText(true);
        what.getStyleClass().add(Styles.TEXT_MUTED);
        what.textProperty().bind(Bindings.createStringBinding(() -> vm.templateProperty().get() == null ? ""
                : vm.templateProperty().get().title(), vm.templateProperty()));
        Spinner<Integer> seed = new Spinner<>(1, 1_000_000, 1);
        seed.setId("sandbox-seed");
        seed.setEditable(true);
        seed.setPrefWidth(110);
        seed.valueProperty().addListener((o, a, b) -> vm.seedProperty().set(b));

        Button boot = button("Boot", Feather.PLAY, "sandbox-boot", Styles.ACCENT);
        boot.disableProperty().bind(vm.busyProperty().or(vm.templateProperty().isNull()));
        boot.setOnAction(e -> vm.boot());
        Button stop = button("Stop", Feather.SQUARE, "sandbox-stop", Styles.DANGER);
        stop.setOnAction(e -> vm.stop());
        Button reset = button("Reset", Feather.ROTATE_CCW, "sandbox-reset", null);
        reset.setOnAction(e -> vm.reset());
        Button oracle = button("Play oracle", Feather.FAST_FORWARD, "sandbox-oracle", null);
        oracle.setOnAction(e -> vm.playOracle());
        Button check = button("Check", Feather.CHECK_CIRCLE, "sandbox-check", null);
        check.setOnAction(e -> vm.runCheck());
        for (Button b : new Button[] {stop, reset, oracle, check}) {
            b.disableProperty().bind(vm.runningProperty().not());
        }

        Label instruction = new Label();
        instruction.setId("sandbox-instruction");
        instruction.setWrapText(true);
        instruction.textProperty().bind(vm.instructionProperty());

        ListView<LiveSandbox.Window> windows = new ListView<>(vm.windows());
        windows.setId("sandbox-windows");
        windows.setPrefHeight(110);
        windows.setPlaceholder(new Label("No windows."));
        windows.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LiveSandbox.Window w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : w.title() + "  " + w.width() + "x" + w.height() + "+" + w.x() + "+" + w.y());
            }
        });
        ListView<LiveSandbox.ProbeReading> probes = new ListView<>(vm.probes());
        probes.setId("sandbox-probes");
        probes.setPrefHeight(130);
        probes.setPlaceholder(new Label("Check to read the probes."));
        probes.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LiveSandbox.ProbeReading p, boolean empty) {
                super.updateItem(p, empty);
                setWrapText(true);
                setText(empty || p == null ? null : p.probe() + " " + p.args() + " = \"" + p.value().strip() + "\"");
            }
        });
        Label verdict = new Label();
        verdict.setId("sandbox-verdict");
        verdict.setWrapText(true);
        vm.checkProperty().addListener((o, a, r) -> {
            verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (r == null) {
                verdict.setText("");
            } else {
                verdict.setText((r.passed() ? "PASS: " : "FAIL: ") + r.summary());
                verdict.getStyleClass().add(r.passed() ? Styles.SUCCESS : Styles.DANGER);
            }
        });

        HBox row = new HBox(8, new Label("Seed"), seed, boot);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(6, oracle, check);
        HBox row3 = new HBox(6, reset, stop);
        VBox box = new VBox(10, Parts.section("Task template"), template, what, row, row2, row3, Parts.section("Instruction"), instruction,
                Parts.section("Windows"), windows, Parts.section("Probes and checker"), verdict, probes);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(300);
        return scroll;
    }

    private static Button button(String text, Feather icon, String id, String style) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        if (style != null) {
            b.getStyleClass().add(style);
        }
        return b;
    }


    private Node screenArea() {
        screen.setId("sandbox-screen");
        screen.setPreserveRatio(true);
        screen.setSmooth(true);
        screen.imageProperty().bind(vm.frameProperty());
        screen.fitWidthProperty().bind(screenPane.widthProperty().subtract(16));
        screen.fitHeightProperty().bind(screenPane.heightProperty().subtract(16));
        screenPane.getChildren().add(screen);
        screenPane.setId("sandbox-screen-pane");
        screenPane.getStyleClass().add("sandbox-screen-pane");
        screenPane.setFocusTraversable(true);
        Label idle = new Label("No session. Boot a task to see its screen here.");
        idle.getStyleClass().add(Styles.TEXT_MUTED);
        idle.visibleProperty().bind(vm.runningProperty().not());
        screenPane.getChildren().add(idle);

        screen.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            screenPane.requestFocus();
            int[] p = toScreen(e);
            vm.act(new Action.MoveTo(p[0], p[1]));
            vm.act(new Action.MouseDown(button(e.getButton())));
        });
        screen.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            long now = System.nanoTime();
            if (now - lastDrag > 30_000_000L) {
                lastDrag = now;
                int[] p = toScreen(e);
                vm.act(new Action.MoveTo(p[0], p[1]));
            }
        });
        screen.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            int[] p = toScreen(e);
            vm.act(new Action.MoveTo(p[0], p[1]));
            vm.act(new Action.MouseUp(button(e.getButton())));
        });
        screen.addEventHandler(ScrollEvent.SCROLL, e -> {
            int[] p = toScreenXY(e.getX(), e.getY());
            vm.act(new Action.Scroll(p[0], p[1], 0, e.getDeltaY() > 0 ? -1 : 1));
        });
        screenPane.setOnKeyPressed(e -> KeyMapping.pressed(e).ifPresent(a -> {
            vm.act(a);
            e.consume();
        }));
        screenPane.setOnKeyTyped(e -> KeyMapping.typed(e).ifPresent(a -> {
            vm.act(a);
            e.consume();
        }));
        VBox.setVgrow(screenPane, Priority.ALWAYS);
        return screenPane;
    }

    private static Action.Button button(MouseButton b) {
        return switch (b) {
            case SECONDARY -> Action.Button.RIGHT;
            case MIDDLE -> Action.Button.MIDDLE;
            default -> Action.Button.LEFT;
        };
    }

    private int[] toScreen(MouseEvent e) {
        return toScreenXY(e.getX(), e.getY());
    }

    /** View coordinates to sandbox screen pixels (the image is scaled to fit). */
    int[] toScreenXY(double x, double y) {
        var img = screen.getImage();
        if (img == null) {
            return new int[] {0, 0};
        }
        double w = screen.getBoundsInLocal().getWidth();
        double h = screen.getBoundsInLocal().getHeight();
        int sx = (int) Math.round(x / w * img.getWidth());
        int sy = (int) Math.round(y / h * img.getHeight());
        return new int[] {Math.max(0, Math.min((int) img.getWidth() - 1, sx)), Math.max(0, Math.min((int) img.getHeight() - 1, sy))};
    }

    private Node statusBar() {
        Label status = Parts.statusText("sandbox-status", vm.statusProperty(), null);
        Label fps = new Label();
        fps.setId("sandbox-fps");
        fps.textProperty().bind(Bindings.createStringBinding(() -> vm.runningProperty().get()
                ? String.format(Locale.ROOT, "%.1f frames/s", vm.fpsProperty().get()) : "", vm.fpsProperty(), vm.runningProperty()));
        return Parts.statusBar(status, new Spacer(), fps);
    }

    ImageView screen() {
        return screen;
    }
}
