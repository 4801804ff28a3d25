package org.envforge.views.audit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.envforge.agent.AuditVerdict;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.RoundRecord;
import org.envforge.views.common.Parts;
import org.envforge.views.generation.VerdictBadge;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The audit debugger: a job's environment, its rounds, a round's failed items with their evidence,
 * and a diff of a task's scripts and artefacts between two rounds.
 */
public final class AuditView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final AuditViewModel vm;
    private final ListView<RoundRecord> roundList = new ListView<>();
    private final ListView<Finding> findingList = new ListView<>();
    private final ImageView startView = new ImageView();
    private final ImageView endView = new ImageView();
    private final TableView<ProbeRow> probeTable = new TableView<>();
    private final DiffView diffView = new DiffView();
    private final TabPane tabs = new TabPane();

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        setId("audit-view");
        setTop(toolbar());
        SplitPane split = new SplitPane(left(), right());
        split.setDividerPositions(0.3);
        setCenter(split);
        setBottom(statusBar());
        // Fresh data each time the page is shown.
        Parts.onShown(this, vm::refresh);
    }

    // Toolbar ------------------------------------------------------------------------------------

    private Node toolbar() {
        ComboBox<JobInfo> job = new ComboBox<>(vm.picker().jobs());
        job.setId("audit-job");
        job.setPrefWidth(330);
        job.setPromptText("Job");
        job.setConverter(converter(j -> "Job " + j.id() + " \u00b7 " + String.join(", ", j.spec().software())
                + (j.spec().set() == null ? "" : " (set " + j.spec().set() + ")") + " \u00b7 " + j.status() + " \u00b7 "
                + TIME.format(j.created())));
        bind(job, vm.picker().jobProperty());
        ComboBox<JobItem> env = new ComboBox<>(vm.picker().items());
        env.setId("audit-env");
        env.setPrefWidth(300);
        env.setPromptText("Environment");
        env.setConverter(converter(i -> i.envName() + " \u00b7 " + i.status() + " \u00b7 " + i.rounds() + " round"
                + (i.rounds() == 1 ? "" : "s")));
        bind(env, vm.picker().itemProperty());
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("audit-refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setOnAction(e -> vm.refresh());
        return new ToolBar(new Label("Job"), job, new Label("Environment"), env, refresh);
    }

    private static <T> void bind(ComboBox<T> combo, ObjectProperty<T> value) {
        combo.setValue(value.get());
        combo.valueProperty().addListener((o, a, b) -> {
            if (b != value.get()) {
                value.set(b);
            }
        });
        value.addListener((o, a, b) -> {
            if (b != combo.getValue()) {
                combo.setValue(b);
            }
        });
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    // Rounds and findings ------------------------------------------------------------------------

    private Node left() {
        roundList.setId("audit-rounds");
        roundList.setItems(vm.findings().rounds());
        roundList.setPrefHeight(200);
        roundList.setPlaceholder(muted("No rounds stored for this environment."));
        roundList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RoundRecord r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                long failed = r.audit() == null ? 0 : r.audit().tasks().stream().mapToLong(t -> t.failures().size()).sum();
                setText("Round " + r.round() + "  " + (r.audit() == null ? "error: " + r.error()
                        : r.passed() ? "audit passed" : failed + " failed item" + (failed == 1 ? "" : "s")));
                setGraphic(new VerdictBadge(r.passed() ? AuditVerdict.PASS : AuditVerdict.FAIL));
            }
        });
        bindSelection(roundList, vm.findings().roundProperty());

        findingList.setId("audit-findings");
        findingList.setItems(vm.findings().findings());
        findingList.setPlaceholder(muted("No failed items in this round."));
        findingList.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText((f.task().isEmpty() ? "" : f.task() + " \u00b7 ") + f.verdict().item());
                setGraphic(new VerdictBadge(f.verdict().verdict()));
            }
        });
        bindSelection(findingList, vm.findings().findingProperty());
        CheckBox failuresOnly = new CheckBox("Failed items only");
        failuresOnly.setId("audit-failures-only");
        failuresOnly.selectedProperty().bindBidirectional(vm.findings().failuresOnlyProperty());
        Label summary = new Label();
        summary.setId("audit-round-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_SMALL);
        summary.textProperty().bind(vm.findings().summaryProperty());
        VBox box = new VBox(8, Parts.section("Rounds"), roundList, summary, new HBox(8, Parts.section("Items"), new Spacer(), failuresOnly),
                findingList);
        VBox.setVgrow(findingList, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        box.setMinWidth(260);
        return box;
    }

    private static <T> void bindSelection(ListView<T> list, javafx.beans.property.Property<T> value) {
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !java.util.Objects.equals(b, value.getValue())) {
                value.setValue(b);
            }
        });
        value.addListener((o, a, b) -> {
            if (!java.util.Objects.equals(b, list.getSelectionModel().getSelectedItem())) {
                if (b == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(b);
                    list.scrollTo(b);
                }
            }
        });
    }

    // Evidence and diff --------------------------------------------------------------------------

    private Node right() {
        Tab evidence = new Tab("Evidence", evidence());
        evidence.setId("audit-evidence-tab");
        Tab diff = new Tab("Diff between rounds", diff());
        diff.setId("audit-diff-tab");
        tabs.getTabs().setAll(evidence, diff);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setId("audit-tabs");
        return tabs;
    }

    private Node evidence() {
        Label item = new Label();
        item.setId("audit-item");
        item.getStyleClass().add(Styles.TITLE_4);
        VerdictBadge badge = new VerdictBadge();
        badge.setId("audit-verdict");
        Label question = new Label();
        question.setWrapText(true);
        question.getStyleClass().add(Styles.TEXT_MUTED);
        Label reason = new Label();
        reason.setId("audit-reason");
        reason.setWrapText(true);
        reason.getStyleClass().add("instruction");
        vm.findings().findingProperty().addListener((o, a, f) -> {
            item.setText(f == null ? "Select an item" : (f.task().isEmpty() ? "" : f.task() + " \u00b7 ") + f.verdict().item());
            badge.setVisible(f != null);
            badge.set(f == null ? null : f.verdict().verdict());
            question.setText(f == null ? "" : f.verdict().description());
            reason.setText(f == null ? "" : f.verdict().reason());
        });
        item.setText("Select an item");
        badge.setVisible(false);
        HBox head = new HBox(10, item, badge);
        head.setAlignment(Pos.CENTER_LEFT);

        Label errors = new Label();
        errors.setId("audit-errors");
        errors.setWrapText(true);
        errors.getStyleClass().addAll("evidence-errors", Styles.DANGER);
        errors.textProperty().bind(vm.evidence().errorsProperty());
        errors.visibleProperty().bind(vm.evidence().errorsProperty().isNotEmpty());
        errors.managedProperty().bind(errors.visibleProperty());

        Node start = shot(startView, "audit-start-shot", vm.evidence().startShotProperty(), "Start (before the oracle)");
        Node end = shot(endView, "audit-end-shot", vm.evidence().endShotProperty(), "End (after the oracle)");
        HBox shots = new HBox(10, start, end);
        HBox.setHgrow(start, Priority.ALWAYS);
        HBox.setHgrow(end, Priority.ALWAYS);

        Node checkStart = check("audit-check-start", "Checker at the start", vm.evidence().checkAtStartProperty());
        Node checkEnd = check("audit-check-end", "Checker after the oracle", vm.evidence().checkAtEndProperty());
        HBox checks = new HBox(10, checkStart, checkEnd);
        HBox.setHgrow(checkStart, Priority.ALWAYS);
        HBox.setHgrow(checkEnd, Priority.ALWAYS);

        probeTable.setId("audit-probes");
        probeTable.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        probeTable.setPlaceholder(muted("No probe readings."));
        probeTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        probeTable.setItems(vm.evidence().probes());
        TableColumn<ProbeRow, String> probe = column("Probe", ProbeRow::probe, 110);
        TableColumn<ProbeRow, String> args = column("Arguments", ProbeRow::args, 200);
        TableColumn<ProbeRow, String> before = column("Before", ProbeRow::before, 160);
        TableColumn<ProbeRow, String> after = column("After", ProbeRow::after, 160);
        probeTable.getColumns().setAll(List.of(probe, args, before, after));
        probeTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ProbeRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("changed"), !empty && r != null && r.changed());
            }
        });
        probeTable.setPrefHeight(170);
        probeTable.setMinHeight(110);

        Label notes = new Label();
        notes.setId("audit-notes");
        notes.setWrapText(true);
        notes.getStyleClass().add(Styles.TEXT_SMALL);
        notes.textProperty().bind(vm.evidence().notesProperty());

        VBox box = new VBox(10, head, question, reason, errors, shots, checks, Parts.section("Probes before and after the oracle"),
                probeTable, notes);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Node shot(ImageView view, String id, ReadOnlyObjectProperty<Image> image, String caption) {
        view.setId(id);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.imageProperty().bind(image);
        StackPane pane = new StackPane();
        pane.getStyleClass().add("shot-pane");
        pane.setMinSize(0, 0);
        pane.setPrefHeight(240);
        view.fitWidthProperty().bind(pane.widthProperty().subtract(6));
        view.fitHeightProperty().bind(pane.heightProperty().subtract(6));
        Label none = muted("No screenshot.");
        none.visibleProperty().bind(image.isNull());
        pane.getChildren().addAll(view, none);
        Label cap = new Label(caption);
        cap.getStyleClass().add(Styles.TEXT_SMALL);
        VBox box = new VBox(4, cap, pane);
        box.setMinWidth(0);
        box.setPrefWidth(200);
        return box;
    }

    private static Node check(String id, String title, ReadOnlyStringProperty text) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TEXT_BOLD);
        Label body = new Label();
        body.setId(id);
        body.setWrapText(true);
        body.getStyleClass().add("check-summary");
        body.textProperty().bind(text);
        text.addListener((o, a, s) -> {
            body.pseudoClassStateChanged(Styles.STATE_SUCCESS, s != null && s.startsWith("PASS"));
            body.pseudoClassStateChanged(Styles.STATE_DANGER, s != null && s.startsWith("FAIL"));
        });
        VBox box = new VBox(4, t, body);
        box.setMinWidth(0);
        box.setPrefWidth(200);
        return box;
    }

    private Node diff() {
        ComboBox<Integer> from = roundChoice("audit-diff-from", vm.diff().fromProperty());
        ComboBox<Integer> to = roundChoice("audit-diff-to", vm.diff().toProperty());
        ComboBox<String> task = new ComboBox<>(vm.diff().tasks());
        task.setId("audit-diff-task");
        task.setPrefWidth(360);
        bind(task, vm.diff().taskProperty());
        ListView<String> artefacts = new ListView<>(vm.diff().artefacts());
        artefacts.setId("audit-diff-artefacts");
        artefacts.setPrefWidth(190);
        artefacts.setPlaceholder(muted("No artefacts."));
        artefacts.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                if (empty || name == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(name);
                setTooltip(new javafx.scene.control.Tooltip(name + (vm.diff().changed(name) ? " (changed)" : " (unchanged)")));
                FontIcon icon = new FontIcon(vm.diff().changed(name) ? Feather.EDIT : Feather.FILE);
                icon.getStyleClass().add(vm.diff().changed(name) ? "diff-changed-icon" : "diff-same-icon");
                setGraphic(icon);
            }
        });
        bindSelection(artefacts, vm.diff().artefactProperty());
        vm.diff().diffProperty().addListener((o, a, d) -> artefacts.refresh());
        Label summary = new Label();
        summary.setId("audit-diff-summary");
        summary.textProperty().bind(vm.diff().summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        diffView.setId("audit-diff");
        vm.diff().diffProperty().addListener((o, a, d) -> diffView.show(d, Artefacts.language(vm.diff().artefactProperty().get() == null
                ? "" : vm.diff().artefactProperty().get())));
        HBox bar = new HBox(8, new Label("Round"), from, new Label("\u2192"), to, new Separator(Orientation.VERTICAL), new Label("Task"),
                task);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(6, summary, diffView);
        VBox.setVgrow(diffView, Priority.ALWAYS);
        SplitPane split = new SplitPane(artefacts, right);
        split.setDividerPositions(0.24);
        VBox box = new VBox(8, bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private ComboBox<Integer> roundChoice(String id, ObjectProperty<Integer> value) {
        ComboBox<Integer> c = new ComboBox<>(vm.diff().roundNumbers());
        c.setId(id);
        c.setPrefWidth(80);
        bind(c, value);
        return c;
    }

    /**
     * Keeps a combo and a model property in step both ways; a new list of choices (which can clear
     * the combo) shows the model's value again.
     */
    private static <T> void bind(ComboBox<T> c, javafx.beans.property.Property<T> value) {
        c.setValue(value.getValue());
        c.getItems().addListener((javafx.collections.ListChangeListener<T>) ch -> resync(c, value));
        c.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(value.getValue())) {
                value.setValue(b);
            }
        });
        value.addListener((o, a, b) -> {
            if (b != null && !b.equals(c.getValue())) {
                c.setValue(b);
            }
        });
    }

    /** Shows the model's value again once the combo has reacted to its new choices (which can clear its value). */
    private static <T> void resync(ComboBox<T> c, javafx.beans.value.ObservableValue<T> value) {
        c.setValue(value.getValue());
        javafx.application.Platform.runLater(() -> {
            if (!java.util.Objects.equals(c.getValue(), value.getValue())) {
                c.setValue(value.getValue());
            }
        });
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                // One line in the table; the whole value in the tooltip.
                setText(empty || s == null ? null : EvidenceModel.cut(s));
                setTooltip(empty || s == null || s.length() < 30 && !s.contains("\n") ? null : new javafx.scene.control.Tooltip(s));
            }
        });
        return c;
    }


    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    private Node statusBar() {
        return Parts.statusBar(Parts.statusText("audit-status", vm.messageProperty(), null));
    }

    /** Shows the Evidence (0) or Diff (1) tab. */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    // For tests ----------------------------------------------------------------------------------

    DiffView diffView() {
        return diffView;
    }

    ImageView startView() {
        return startView;
    }

    ImageView endView() {
        return endView;
    }

    TableView<ProbeRow> probeTable() {
        return probeTable;
    }

    ListView<Finding> findingList() {
        return findingList;
    }
}
