package org.envforge.views.approval;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.envforge.spec.StatusChange;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.Parts;
import org.envforge.views.common.StatusBadge;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The approval queue: tasks whose audit passed (or failed, or all), several selected at once, with
 * the focused task's instruction and audit summary; Approve, or Reject with a reason.
 */
public final class ApprovalView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final ApprovalViewModel vm;
    private final TableView<TaskSummary> table = new TableView<>();

    public ApprovalView(ApprovalViewModel vm) {
        this.vm = vm;
        setId("approval-view");
        setTop(toolbar());
        SplitPane split = new SplitPane(queuePane(), detail());
        split.setDividerPositions(0.6);
        setCenter(split);
        setBottom(statusBar());
        Parts.onShown(this, vm::refresh);
    }

    private Node toolbar() {
        ComboBox<ApprovalViewModel.Scope> scope = new ComboBox<>();
        scope.getItems().setAll(ApprovalViewModel.Scope.values());
        scope.setId("approval-scope");
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(ApprovalViewModel.Scope s) {
                return s == null ? "" : s.label();
            }

            @Override
            public ApprovalViewModel.Scope fromString(String s) {
                return null;
            }
        });
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        CustomTextField search = new CustomTextField();
        search.setId("approval-search");
        search.setPromptText("Search tasks");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(200);
        search.textProperty().bindBidirectional(vm.searchProperty());

        Button approve = new Button("Approve", new FontIcon(Feather.CHECK));
        approve.setId("approval-approve");
        approve.getStyleClass().addAll(Styles.SUCCESS, Styles.BUTTON_OUTLINED);
        approve.setOnAction(e -> approve());
        Button reject = new Button("Reject\u2026", new FontIcon(Feather.X));
        reject.setId("approval-reject");
        reject.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        reject.setOnAction(e -> reject());
        for (Button b : new Button[] {approve, reject}) {
            b.disableProperty().bind(Bindings.isEmpty(vm.selected()).or(vm.busyProperty()));
        }
        Label selection = new Label();
        selection.setId("approval-selection");
        selection.getStyleClass().add(Styles.TEXT_MUTED);
        selection.textProperty().bind(Bindings.createStringBinding(() -> vm.selected().isEmpty() ? ""
                : vm.selected().size() + " selected", vm.selected()));
        Label count = new Label();
        count.setId("approval-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(vm.countProperty());
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("approval-refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setOnAction(e -> vm.refresh());
        return new ToolBar(new Label("Show"), scope, search, new Separator(Orientation.VERTICAL), approve, reject, selection,
                new Spacer(), count, refresh);
    }

    // The queue ------------------------------------------------------------------------------------

    private Node queuePane() {
        table.setId("approval-table");
        table.getStyleClass().addAll(Styles.STRIPED);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No tasks await a decision here."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TaskSummary, TaskStatus> status = column("Status", TaskSummary::status);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TaskStatus s, boolean empty) {
                super.updateItem(s, empty);
                setGraphic(empty || s == null ? null : new StatusBadge(s));
            }
        });
        status.setPrefWidth(115);
        status.setMinWidth(115);
        TableColumn<TaskSummary, String> task = column("Task", TaskSummary::ref);
        task.setPrefWidth(280);
        task.setMinWidth(200);
        TableColumn<TaskSummary, String> software = column("Software", t -> t.software() == null ? "" : t.software());
        software.setPrefWidth(120);
        software.setMinWidth(90);
        TableColumn<TaskSummary, String> difficulty = column("Difficulty", t -> t.difficulty() == null ? "" : t.difficulty());
        difficulty.setPrefWidth(96);
        difficulty.setMinWidth(96);
        TableColumn<TaskSummary, String> instruction = column("Instruction", t -> t.instruction() == null ? ""
                : t.instruction().replaceAll("\\s+", " "));
        instruction.setPrefWidth(300);
        table.getColumns().setAll(List.of(status, task, software, difficulty, instruction));
        table.setItems(vm.queue());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TaskSummary>) c ->
                vm.select(List.copyOf(table.getSelectionModel().getSelectedItems().filtered(t -> t != null))));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.focusedProperty().set(t);
            }
        });
        return table;
    }

    private static <T, V> TableColumn<T, V> column(String title, Function<T, V> value) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    // The focused task -------------------------------------------------------------------------------

    private Node detail() {
        Label title = new Label("Select a task");
        title.setId("approval-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        StatusBadge badge = new StatusBadge();
        badge.setId("approval-status-badge");
        badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
        HBox head = new HBox(10, title, badge);
        head.setAlignment(Pos.CENTER_LEFT);
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        Label instruction = new Label();
        instruction.setId("approval-instruction");
        instruction.setWrapText(true);
        instruction.setMinHeight(Region.USE_PREF_SIZE);
        instruction.getStyleClass().add("instruction");
        instruction.textProperty().bind(vm.instructionProperty());
        Label audit = new Label();
        audit.setId("approval-audit");
        audit.setWrapText(true);
        audit.setMinHeight(Region.USE_PREF_SIZE);
        audit.getStyleClass().add("audit-summary");
        audit.textProperty().bind(vm.auditSummaryProperty());
        audit.visibleProperty().bind(vm.auditSummaryProperty().isNotEmpty());
        vm.auditSummaryProperty().addListener((o, a, s) -> {
            audit.pseudoClassStateChanged(Styles.STATE_SUCCESS, s.startsWith("Audit passed"));
            audit.pseudoClassStateChanged(Styles.STATE_DANGER, s.startsWith("Audit failed"));
            audit.setGraphic(s.isEmpty() ? null : new FontIcon(s.startsWith("Audit passed") ? Feather.CHECK_CIRCLE
                    : s.startsWith("Audit failed") ? Feather.X_CIRCLE : Feather.HELP_CIRCLE));
        });
        ListView<StatusChange> history = new ListView<>(vm.history());
        history.setId("approval-history");
        history.setPrefHeight(160);
        history.setPlaceholder(new Label("No history."));
        history.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(StatusChange c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setGraphic(new StatusBadge(c.status()));
                setText(TIME.format(c.at()) + "  " + c.actor() + (c.reason() == null || c.reason().isBlank() ? "" : ": " + c.reason()));
            }
        });
        vm.detailProperty().addListener((o, a, t) -> {
            facts.getChildren().clear();
            if (t == null) {
                title.setText("Select a task");
                badge.set(null);
                return;
            }
            title.setText(t.summary().ref());
            badge.set(t.summary().status());
            int r = 0;
            Parts.fact(facts, r++, "Software", t.summary().software());
            Parts.fact(facts, r++, "Difficulty", t.summary().difficulty());
            Parts.fact(facts, r++, "Checker", t.summary().checker());
            Parts.fact(facts, r, "Source", t.summary().source());
        });
        VBox box = new VBox(10, head, facts, Parts.section("Instruction"), instruction, Parts.section("Audit"), audit,
                Parts.section("History"),
                history);
        VBox.setVgrow(history, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }



    // Decisions ----------------------------------------------------------------------------------

    private void approve() {
        boolean override = false;
        if (vm.needsOverride()) {
            long failing = vm.selected().stream().filter(t -> t.status() != TaskStatus.AUDIT_PASSED
                    && t.status() != TaskStatus.APPROVED).count();
            if (!Dialogs.confirm(this, "Approve " + failing + " task" + (failing == 1 ? "" : "s") + " whose audit did not pass?",
                    "Only tasks whose audit passed are normally approved. Approve anyway (override)?")) {
                return;
            }
            override = true;
        }
        vm.approve(override, d -> { });
    }

    private void reject() {
        askReason(vm.selected().size()).ifPresent(reason -> vm.reject(reason, d -> { }));
    }

    /** A dialog asking why; OK stays disabled until a reason is typed. */
    private Optional<String> askReason(int n) {
        Dialog<String> d = new Dialog<>();
        d.setTitle("Reject");
        d.setHeaderText("Reject " + n + " task" + (n == 1 ? "" : "s"));
        d.getDialogPane().setId("approval-reject-dialog");
        ButtonType ok = new ButtonType("Reject", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        TextArea reason = new TextArea();
        reason.setId("approval-reason");
        reason.setPromptText("Why? The reason is recorded in each task's history.");
        reason.setPrefRowCount(4);
        reason.setWrapText(true);
        Label help = new Label("A rejection needs a reason.");
        help.getStyleClass().add(Styles.TEXT_MUTED);
        d.getDialogPane().setContent(new VBox(8, help, reason));
        Node okButton = d.getDialogPane().lookupButton(ok);
        okButton.setId("approval-reject-ok");
        okButton.disableProperty().bind(Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty()));
        d.setResultConverter(b -> b == ok ? reason.getText().strip() : null);
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
        }
        javafx.application.Platform.runLater(reason::requestFocus);
        return d.showAndWait().filter(s -> !s.isBlank());
    }

    private Node statusBar() {
        return Parts.statusBar(Parts.statusText("approval-status", vm.statusProperty(), vm.statusIsErrorProperty()));
    }

    TableView<TaskSummary> tableView() {
        return table;
    }
}
