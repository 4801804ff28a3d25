package org.envforge.views.replay;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.envforge.trajectory.Trajectory;
import org.envforge.views.common.Parts;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Replay view: the trajectory list with search and filters on the left, with the open
 * trajectory's step list below it; in the middle the current step's screenshot with its action
 * drawn on it, playback controls, a scrubber marked with failed and tagged steps, and a
 * filmstrip; on the right the step's tags, note, words and action, and the trajectory's verdict
 * and test-time audit. Left/Right step, Space plays or pauses, Home/End go to the ends (except
 * while typing in a text field).
 */
public final class ReplayView extends BorderPane {

    /** The view's style sheet (in the resources module); the view adds it itself when it is on the class path. */
    public static final String STYLESHEET = "/envforge/css/replay.css";

    private final ReplayViewModel vm;
    private final TrajectoryTable table;
    private final ListView<StepRow> stepList;
    private final ListView<StepRow> filmstrip;
    private final ScreenPane screen = new ScreenPane();
    private final Slider scrubber = new Slider(0, 0, 0);
    private final TimelineMarks timelineMarks;
    private boolean syncing;

    public ReplayView(ReplayViewModel vm) {
        this.vm = vm;
        setId("replay-view");
        getStyleClass().add("replay-view");
        URL css = ReplayView.class.getResource(STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        table = new TrajectoryTable(vm.list().trajectories());
        stepList = new ListView<>(vm.stepList().visible());
        filmstrip = new ListView<>(vm.steps());
        timelineMarks = new TimelineMarks(vm.steps(), vm::select);

        SplitPane left = new SplitPane(trajectoryPane(), stepPane());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.45);
        left.setMinWidth(300);
        AnnotationPanel right = new AnnotationPanel(vm);
        SplitPane split = new SplitPane(left, centre(), right);
        split.setDividerPositions(0.3, 0.77);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        setCenter(split);
        setBottom(statusBar());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        bindCurrent();
        // The list reloads whenever the page is shown (recordings and imports come from the CLI too).
        Parts.onShown(this, vm::refresh);
    }

    // Left: trajectories and steps ---------------------------------------------------------------

    private Node trajectoryPane() {
        Label title = new Label("Trajectories");
        title.getStyleClass().addAll(Styles.TEXT_BOLD);
        Label count = new Label();
        count.setId("replay-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(vm.list().messageProperty());
        HBox head = new HBox(8, title, new Spacer(), count);
        head.setAlignment(Pos.CENTER_LEFT);

        CustomTextField search = new CustomTextField();
        search.setId("replay-search");
        search.setPromptText("Search instructions, agent words, notes");
        search.textProperty().bindBidirectional(vm.list().searchProperty());
        search.setLeft(new FontIcon(Feather.SEARCH));

        ComboBox<String> tag = choice("replay-filter-tag", vm.stepList().tagChoices(), "Any tag");
        tag.valueProperty().bindBidirectional(vm.list().tagFilterProperty());
        ComboBox<String> verdict = choice("replay-filter-verdict", javafx.collections.FXCollections.observableArrayList(
                TrajectoryListModel.VERDICTS), "Any verdict");
        verdict.valueProperty().bindBidirectional(vm.list().verdictFilterProperty());
        ComboBox<String> source = choice("replay-filter-source", javafx.collections.FXCollections.observableArrayList(
                TrajectoryListModel.SOURCES), "Any source");
        source.valueProperty().bindBidirectional(vm.list().sourceFilterProperty());
        // The filters wrap onto a second line when the pane is narrow, instead of truncating.
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(6, 6, tag, verdict, source);
        for (ComboBox<String> c : List.of(tag, verdict, source)) {
            c.setMinWidth(ComboBox.USE_PREF_SIZE);
        }

        table.setId("replay-trajectories");
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (!syncing && t != null && (vm.trajectoryProperty().get() == null || vm.trajectoryProperty().get().id() != t.id())) {
                vm.open(t);
                screen.requestFocus();
            }
        });
        // Keep the open trajectory selected when the list is filtered again.
        vm.list().trajectories().addListener((ListChangeListener<Trajectory>) c -> selectOpenTrajectory());
        vm.trajectoryProperty().addListener((o, a, b) -> selectOpenTrajectory());

        VBox box = new VBox(8, head, search, filters, table);
        box.setPadding(new Insets(10, 10, 6, 10));
        return box;
    }

    private void selectOpenTrajectory() {
        Trajectory open = vm.trajectoryProperty().get();
        Trajectory selected = table.getSelectionModel().getSelectedItem();
        if (open == null || selected != null && selected.id() == open.id() && selected.equals(open)) {
            return;
        }
        syncing = true;
        try {
            IntStream.range(0, table.getItems().size()).filter(i -> table.getItems().get(i).id() == open.id()).findFirst()
                    .ifPresent(i -> table.getSelectionModel().select(i));
        } finally {
            syncing = false;
        }
    }

    private static ComboBox<String> choice(String id, javafx.collections.ObservableList<String> items, String any) {
        ComboBox<String> c = new ComboBox<>(items);
        c.setId(id);
        c.setValue(TrajectoryListModel.ANY);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.equals(TrajectoryListModel.ANY) ? any : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        c.setTooltip(new Tooltip(any.replace("Any ", "Only trajectories with this ")));
        return c;
    }

    private Node stepPane() {
        Label title = new Label("Steps");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label shown = new Label();
        shown.setId("replay-steps-count");
        shown.getStyleClass().add(Styles.TEXT_MUTED);
        javafx.collections.ObservableList<StepRow> all = vm.steps();
        javafx.collections.ObservableList<StepRow> visible = vm.stepList().visible();
        shown.textProperty().bind(Bindings.createStringBinding(() -> all.isEmpty() ? "" : visible.size() == all.size()
                ? String.format(Locale.ROOT, "%,d", all.size()) : String.format(Locale.ROOT, "%,d of %,d", visible.size(), all.size()),
                visible, all));
        HBox head = new HBox(8, title, new Spacer(), shown);
        head.setAlignment(Pos.CENTER_LEFT);

        CheckBox failed = new CheckBox("Failed");
        failed.setId("replay-failed-only");
        failed.setTooltip(new Tooltip("Only the steps whose action failed"));
        failed.selectedProperty().bindBidirectional(vm.stepList().failedOnlyProperty());
        CheckBox tagged = new CheckBox("Tagged");
        failed.setMinWidth(CheckBox.USE_PREF_SIZE);
        tagged.setMinWidth(CheckBox.USE_PREF_SIZE);
        tagged.setId("replay-tagged-only");
        tagged.setTooltip(new Tooltip("Only the steps with a tag"));
        tagged.selectedProperty().bindBidirectional(vm.stepList().taggedOnlyProperty());
        ComboBox<String> tag = choice("replay-step-tag", vm.stepList().tagChoices(), "Any tag");
        tag.valueProperty().bindBidirectional(vm.stepList().tagProperty());
        tag.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(tag, Priority.ALWAYS);
        HBox filters = new HBox(10, failed, tagged, tag);
        filters.setAlignment(Pos.CENTER_LEFT);

        stepList.setId("replay-steps");
        stepList.getStyleClass().add("replay-steps");
        stepList.setFixedCellSize(30);
        stepList.setCellFactory(l -> new StepCell());
        stepList.setPlaceholder(new Label("No steps to show."));
        VBox.setVgrow(stepList, Priority.ALWAYS);
        stepList.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (!syncing && r != null) {
                vm.select(r);
            }
        });
        vm.stepList().visible().addListener((ListChangeListener<StepRow>) c -> revealCurrentStep());

        VBox box = new VBox(8, head, filters, stepList);
        box.setPadding(new Insets(8, 10, 10, 10));
        return box;
    }

    // Centre: the screen, playback, scrubber and filmstrip ---------------------------------------

    private Node centre() {
        screen.setId("replay-screen");
        screen.setFocusTraversable(true);
        screen.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> screen.requestFocus());
        screen.imageView().imageProperty().bind(vm.frame().imageProperty());
        vm.frame().messageProperty().addListener((o, a, b) -> screen.setMessage(b));
        screen.setMessage(vm.frame().messageProperty().get());
        vm.frame().marksProperty().addListener((o, a, b) -> screen.setMarks(b));
        screen.setMarks(vm.frame().marksProperty().get());
        VBox.setVgrow(screen, Priority.ALWAYS);

        scrubber.setId("replay-scrubber");
        scrubber.setBlockIncrement(1);
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setSnapToTicks(false);
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.select((int) Math.round(b.doubleValue()));
            }
        });
        timelineMarks.setId("replay-timeline-marks");
        vm.steps().addListener((ListChangeListener<StepRow>) c -> {
            syncing = true;
            try {
                scrubber.setMax(Math.max(0, vm.steps().size() - 1));
                scrubber.setDisable(vm.steps().size() < 2);
            } finally {
                syncing = false;
            }
        });
        scrubber.setDisable(true);
        VBox scrub = new VBox(1, scrubber, timelineMarks);
        scrub.getStyleClass().add("replay-scrub");

        filmstrip.setId("replay-filmstrip");
        filmstrip.getStyleClass().add("replay-filmstrip");
        filmstrip.setOrientation(Orientation.HORIZONTAL);
        filmstrip.setFixedCellSize(ThumbnailCell.WIDTH + 12);
        filmstrip.setCellFactory(l -> new ThumbnailCell(vm));
        filmstrip.setPrefHeight(ThumbnailCell.HEIGHT + 62);
        filmstrip.setMinHeight(ThumbnailCell.HEIGHT + 62);
        filmstrip.setPlaceholder(new Label(""));
        filmstrip.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (!syncing && r != null) {
                vm.select(r);
            }
        });

        VBox box = new VBox(6, toolbar(), screen, scrub, filmstrip);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("replay-centre");
        return box;
    }

    private Node toolbar() {
        Button first = iconButton(Feather.SKIP_BACK, "replay-first", "First step (Home)");
        first.setOnAction(e -> vm.first());
        Button prev = iconButton(Feather.CHEVRON_LEFT, "replay-prev", "Previous step (Left)");
        prev.setOnAction(e -> vm.previous());
        Button play = new Button();
        play.setId("replay-play");
        play.getStyleClass().add(Styles.ACCENT);
        play.setTooltip(new Tooltip("Play or pause (Space)"));
        play.textProperty().bind(Bindings.when(vm.playback().playingProperty()).then("Pause").otherwise("Play"));
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(vm.playback().playingProperty().get() ? Feather.PAUSE
                : Feather.PLAY), vm.playback().playingProperty()));
        play.setOnAction(e -> vm.playback().togglePlay());
        play.setMinWidth(Button.USE_PREF_SIZE);
        Button next = iconButton(Feather.CHEVRON_RIGHT, "replay-next", "Next step (Right)");
        next.setOnAction(e -> vm.next());
        Button last = iconButton(Feather.SKIP_FORWARD, "replay-last", "Last step (End)");
        last.setOnAction(e -> vm.last());
        for (Button b : List.of(first, prev, play, next, last)) {
            b.disableProperty().bind(vm.currentProperty().isNull());
        }

        ComboBox<Integer> speed = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                IntStream.rangeClosed(Playback.MIN_SPEED, Playback.MAX_SPEED).boxed().toList()));
        speed.setId("replay-speed");
        speed.setTooltip(new Tooltip("Playback speed: steps a second"));
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s + "\u00d7";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("\u00d7", "").strip());
            }
        });
        speed.setValue(vm.playback().speedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.playback().speedProperty().set(b);
            }
        });
        vm.playback().speedProperty().addListener((o, a, b) -> speed.setValue(b.intValue()));
        speed.setMinWidth(Button.USE_PREF_SIZE);

        Label step = new Label();
        step.setId("replay-step-label");
        step.getStyleClass().add("replay-step-label");
        step.setMinWidth(Label.USE_PREF_SIZE);
        step.textProperty().bind(Bindings.createStringBinding(() -> {
            StepRow r = vm.currentProperty().get();
            return r == null ? "" : String.format(Locale.ROOT, "Step %d  \u00b7  %,d / %,d", r.index(), vm.indexProperty().get() + 1,
                    vm.steps().size());
        }, vm.currentProperty(), vm.indexProperty()));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("replay-loading");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.frame().loadingProperty().or(vm.openingProperty()));

        ToggleGroup when = new ToggleGroup();
        ToggleButton before = new ToggleButton("Before");
        before.setId("replay-before");
        before.setTooltip(new Tooltip("The screen the agent saw before acting"));
        ToggleButton after = new ToggleButton("After");
        after.setId("replay-after");
        after.setTooltip(new Tooltip("The screen after the step's actions"));
        before.getStyleClass().add(Styles.LEFT_PILL);
        after.getStyleClass().add(Styles.RIGHT_PILL);
        before.setToggleGroup(when);
        after.setToggleGroup(when);
        before.setSelected(!vm.frame().afterProperty().get());
        after.setSelected(vm.frame().afterProperty().get());
        when.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                when.selectToggle(a); // one of the two is always on
            } else {
                vm.frame().afterProperty().set(b == after);
            }
        });
        vm.frame().afterProperty().addListener((o, a, b) -> when.selectToggle(b ? after : before));
        HBox whenBox = new HBox(0, before, after);
        whenBox.setMinWidth(HBox.USE_PREF_SIZE);

        HBox bar = new HBox(6, first, prev, play, next, last, speed, step, new Spacer(), busy, whenBox);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("replay-toolbar");
        return bar;
    }

    private static Button iconButton(Feather icon, String id, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private Node statusBar() {
        Label status = Parts.statusText("replay-status", vm.statusProperty(), null);
        Label keys = new Label("\u2190 \u2192 step \u00b7 Space play \u00b7 Home/End");
        keys.getStyleClass().add(Styles.TEXT_MUTED);
        return Parts.statusBar(status, new Spacer(), keys);
    }

    // Following the current step -----------------------------------------------------------------

    private void bindCurrent() {
        vm.indexProperty().addListener((o, a, b) -> {
            int i = b.intValue();
            syncing = true;
            try {
                if (i >= 0) {
                    scrubber.setValue(i);
                    filmstrip.getSelectionModel().select(i);
                    reveal(filmstrip, i);
                } else {
                    scrubber.setValue(0);
                    filmstrip.getSelectionModel().clearSelection();
                }
                timelineMarks.setCurrent(i);
            } finally {
                syncing = false;
            }
            revealCurrentStep();
        });
        vm.trajectoryProperty().addListener((o, a, b) -> {
            if (b != null && (a == null || a.id() != b.id())) {
                filmstrip.scrollTo(0);
                stepList.scrollTo(0);
            }
        });
    }

    /** Selects the current step in the (filtered) step list and scrolls it into view; clears the selection when it is filtered out. */
    private void revealCurrentStep() {
        StepRow cur = vm.currentProperty().get();
        syncing = true;
        try {
            int p = cur == null ? -1 : StepListModel.find(vm.stepList().visible(), cur.index());
            if (p < 0) {
                stepList.getSelectionModel().clearSelection();
            } else {
                stepList.getSelectionModel().select(p);
                reveal(stepList, p);
            }
        } finally {
            syncing = false;
        }
    }

    /** Scrolls a list just enough to show item i (a list's own scrollTo puts it first, which jumps during playback). */
    private static void reveal(ListView<?> list, int i) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> firstCell = flow.getFirstVisibleCell();
            if (firstCell == null || flow.getCellCount() != list.getItems().size()) {
                // New items not laid out yet (a trajectory just opened): lay out now, or the scroll is lost in the next pulse.
                list.applyCss();
                list.layout();
                firstCell = flow.getFirstVisibleCell();
            }
            IndexedCell<?> lastCell = flow.getLastVisibleCell();
            if (firstCell == null || lastCell == null || i <= firstCell.getIndex() || i >= lastCell.getIndex()) {
                flow.scrollTo(i);
            }
        } else {
            list.scrollTo(i);
        }
    }

    private void onKey(KeyEvent e) {
        if (vm.currentProperty().get() == null || e.getTarget() instanceof TextInputControl
                || getScene() != null && getScene().getFocusOwner() instanceof TextInputControl
                || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        switch (e.getCode()) {
            case LEFT -> vm.previous();
            case RIGHT -> vm.next();
            case SPACE -> vm.playback().togglePlay();
            case HOME -> vm.first();
            case END -> vm.last();
            default -> {
                return;
            }
        }
        e.consume();
    }

    // For tests ----------------------------------------------------------------------------------

    ScreenPane screen() {
        return screen;
    }

    ListView<StepRow> stepList() {
        return stepList;
    }

    ListView<StepRow> filmstrip() {
        return filmstrip;
    }

    /** Gives the keyboard to the screen, so the playback keys work at once. */
    public void focusScreen() {
        screen.requestFocus();
    }
}
