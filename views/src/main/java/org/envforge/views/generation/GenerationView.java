package org.envforge.views.generation;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.envforge.agent.AuditVerdict;
import org.envforge.job.ItemStatus;
import org.envforge.views.common.ParameterForm;
import org.envforge.views.common.Parts;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live generation view: start a job, watch its environments, and for the one in progress see
 * the creator (its notes and the oracle's actions) and the auditor (its verdicts) side by side,
 * the latest start and end screenshots, the audit checklist filling in, and the round.
 */
public final class GenerationView extends BorderPane {

    private final GenerationViewModel vm;
    private final JobProgress job;
    private final EnvironmentDetail detail;
    private final TableView<EnvRow> envTable = new TableView<>();
    private final ListView<FeedLine> creatorList = new ListView<>();
    private final ListView<FeedLine> auditorList = new ListView<>();
    private final TableView<ChecklistRow> checklistTable = new TableView<>();
    private final ImageView startView = new ImageView();
    private final ImageView endView = new ImageView();

    public GenerationView(GenerationViewModel vm) {
        this.vm = vm;
        this.job = vm.job();
        this.detail = vm.detail();
        setId("generation-view");
        SplitPane split = new SplitPane(left(), center());
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        setCenter(split);
        setBottom(statusBar());
    }

    // The form and the environments ------------------------------------------------------------

    private Node left() {
        GridPane form = ParameterForm.build(vm.form().fields());

        Button start = new Button("Start", new FontIcon(Feather.PLAY));
        start.setId("gen-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(job.runningProperty());
        start.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel", new FontIcon(Feather.SQUARE));
        cancel.setId("gen-cancel");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.disableProperty().bind(job.runningProperty().not().or(job.cancellingProperty()));
        cancel.setOnAction(e -> vm.cancel());
        HBox buttons = new HBox(8, start, cancel);

        envTable.setId("gen-env-table");
        envTable.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        envTable.setPlaceholder(new Label("The job's environments appear here."));
        envTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
        TableColumn<EnvRow, String> name = new TableColumn<>("Environment");
        name.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().envName()));
        name.setPrefWidth(130);
        TableColumn<EnvRow, ItemStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(d -> d.getValue().statusProperty());
        status.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(ItemStatus s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                badge.setText(s.word());
                badge.getStyleClass().setAll("label", "job-status", VerdictBadge.statusClass(s));
                setGraphic(badge);
            }
        });
        status.setPrefWidth(76);
        status.setMinWidth(70);
        TableColumn<EnvRow, Number> round = new TableColumn<>("Round");
        round.setMinWidth(72);
        round.setCellValueFactory(d -> d.getValue().roundProperty());
        round.getStyleClass().add("numeric");
        round.setPrefWidth(56);
        envTable.getColumns().setAll(List.of(name, status, round));
        envTable.setItems(job.environments());
        envTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && row != job.selectedProperty().get()) {
                job.selectedProperty().set(row);
            }
        });
        job.selectedProperty().addListener((o, a, row) -> {
            if (row != envTable.getSelectionModel().getSelectedItem()) {
                if (row == null) {
                    envTable.getSelectionModel().clearSelection();
                } else {
                    envTable.getSelectionModel().select(row);
                }
            }
        });
        envTable.setPrefHeight(220);
        VBox.setVgrow(envTable, Priority.ALWAYS);
        CheckBox follow = new CheckBox("Follow the environment in progress");
        follow.setId("gen-follow");
        follow.selectedProperty().bindBidirectional(job.followProperty());

        VBox box = new VBox(10, Parts.section("New job"), form, buttons, Parts.section("Environments"), follow, envTable);
        box.setPadding(new Insets(12));
        box.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setMinWidth(280);
        return scroll;
    }

    // The environment in progress --------------------------------------------------------------

    private Node center() {
        Label title = new Label();
        title.setId("gen-env-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> job.selectedProperty().get() == null ? "No environment yet"
                : job.selectedProperty().get().envName(), job.selectedProperty()));
        Label round = new Label();
        round.setId("gen-round");
        round.getStyleClass().add("round-counter");
        round.textProperty().bind(detail.roundTextProperty());
        round.visibleProperty().bind(detail.roundTextProperty().isNotEmpty());
        Label answered = new Label();
        answered.setId("gen-checklist-summary");
        answered.getStyleClass().add(Styles.TEXT_MUTED);
        answered.textProperty().bind(detail.checklistTextProperty());
        Button open = new Button("Open in audit debugger", new FontIcon(Feather.TOOL));
        open.setId("gen-open-audit");
        open.disableProperty().bind(job.selectedProperty().isNull());
        open.setOnAction(e -> vm.openInAuditDebugger());
        HBox header = new HBox(12, title, round, new Spacer(), answered, open);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 12, 6, 12));

        creatorList.setId("gen-creator-feed");
        auditorList.setId("gen-auditor-feed");
        Node creator = feed(creatorList, detail.creatorFeed(), "Creator", Feather.EDIT_3,
                "The creator's notes and the oracle's actions stream here.");
        Node auditorPane = feed(auditorList, detail.auditorFeed(), "Auditor", Feather.EYE, "The auditor's verdicts stream here.");
        SplitPane agents = new SplitPane(creator, auditorPane);
        agents.setDividerPositions(0.5);

        SplitPane bottom = new SplitPane(screens(), checklist());
        bottom.setDividerPositions(0.36);
        SplitPane vertical = new SplitPane(agents, bottom);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.48);
        VBox box = new VBox(header, vertical);
        VBox.setVgrow(vertical, Priority.ALWAYS);
        return box;
    }

    private Node feed(ListView<FeedLine> list, javafx.collections.ObservableList<FeedLine> items, String title, Feather icon,
            String placeholder) {
        list.setItems(items);
        list.getStyleClass().addAll("agent-feed", Styles.DENSE);
        Label empty = new Label(placeholder);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        list.setCellFactory(l -> new FeedCell(list));
        // Follow the tail unless the reader has scrolled up (again when another environment is shown).
        // The scrolling happens after layout pulses, a few in a row: wrapped lines are taller than the
        // flow estimates until they are laid out.
        boolean[] following = {true};
        int[] pulsesToScroll = {0};
        Runnable checkFollowing = () -> Platform.runLater(() -> following[0] = !(list.lookup(".virtual-flow")
                instanceof VirtualFlow<?> flow) || flow.getPosition() >= 0.98);
        list.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> checkFollowing.run());
        list.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> checkFollowing.run());
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> checkFollowing.run());
        job.selectedProperty().addListener((o, a, b) -> following[0] = true);
        items.addListener((ListChangeListener<FeedLine>) c -> {
            if (following[0]) {
                pulsesToScroll[0] = 3;
                list.requestLayout();
            }
        });
        Runnable afterLayout = () -> {
            if (pulsesToScroll[0] > 0) {
                pulsesToScroll[0]--;
                scrollToEnd(list);
            }
        };
        list.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        Label head = new Label(title, new FontIcon(icon));
        head.getStyleClass().addAll(Styles.TEXT_BOLD, "agent-title");
        VBox box = new VBox(4, head, list);
        box.setPadding(new Insets(6, 8, 6, 8));
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    private static void scrollToEnd(ListView<FeedLine> list) {
        if (list.getItems().isEmpty()) {
            return;
        }
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            // scrollTo puts the last line in view by estimated heights; scrolling on by pixels then
            // lays out the real (wrapped) cells and stops at the end.
            flow.scrollTo(list.getItems().size() - 1);
            flow.scrollPixels(1_000_000);
        } else {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    /** A stream line: an icon or a verdict badge, then the task and the text, wrapped to the list's width. */
    private static final class FeedCell extends ListCell<FeedLine> {
        private final ListView<FeedLine> list;
        private final Label text = new Label();
        private final HBox box = new HBox(8);

        FeedCell(ListView<FeedLine> list) {
            this.list = list;
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.getStyleClass().add("feed-text");
            box.setAlignment(Pos.TOP_LEFT);
        }

        @Override
        protected void updateItem(FeedLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeIf(c -> c.startsWith("feed-"));
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            getStyleClass().add("feed-" + line.kind());
            text.setText((line.task().isEmpty() ? "" : line.task() + " \u00b7 ") + line.text());
            Node mark;
            if (line.kind().equals("verdict")) {
                VerdictBadge badge = new VerdictBadge(line.verdict());
                badge.setMinWidth(Region.USE_PREF_SIZE);
                mark = badge;
            } else {
                mark = new FontIcon(switch (line.kind()) {
                    case "action" -> Feather.MOUSE_POINTER;
                    case "round" -> line.verdict() == AuditVerdict.FAIL ? Feather.X_CIRCLE : line.verdict() == AuditVerdict.PASS
                            ? Feather.CHECK_CIRCLE : Feather.REPEAT;
                    case "engine" -> Feather.SETTINGS;
                    case "auditor" -> Feather.EYE;
                    default -> Feather.EDIT_3;
                });
            }
            // The list's width less the mark, the gaps and a scroll bar.
            text.maxWidthProperty().bind(list.widthProperty().subtract(line.kind().equals("verdict") ? 100 : 60));
            box.getChildren().setAll(mark, text);
            setGraphic(box);
        }

        /** The shown text, for tests. */
        String shown() {
            return text.getText();
        }
    }

    private Node screens() {
        Node start = shot(startView, "gen-start-shot", detail.startShotProperty(), detail.startCaptionProperty(),
                "No start screenshot yet.");
        Node end = shot(endView, "gen-end-shot", detail.endShotProperty(), detail.endCaptionProperty(), "No end screenshot yet.");
        VBox column = new VBox(6, start, end);
        VBox.setVgrow(start, Priority.ALWAYS);
        VBox.setVgrow(end, Priority.ALWAYS);
        column.setPadding(new Insets(6, 8, 6, 8));
        column.setMinWidth(0);
        return column;
    }

    private static Node shot(ImageView view, String id, ReadOnlyObjectProperty<Image> image, ReadOnlyStringProperty caption,
            String empty) {
        view.setId(id);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.imageProperty().bind(image);
        StackPane pane = new StackPane();
        pane.getStyleClass().add("shot-pane");
        pane.setMinSize(0, 0);
        view.fitWidthProperty().bind(pane.widthProperty().subtract(6));
        view.fitHeightProperty().bind(pane.heightProperty().subtract(6));
        Label none = new Label(empty);
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.visibleProperty().bind(image.isNull());
        pane.getChildren().addAll(view, none);
        Label cap = new Label();
        cap.setId(id + "-caption");
        cap.getStyleClass().add(Styles.TEXT_SMALL);
        cap.textProperty().bind(caption);
        VBox box = new VBox(2, cap, pane);
        VBox.setVgrow(pane, Priority.ALWAYS);
        box.setMinSize(0, 0);
        box.setPrefSize(200, 100);
        return box;
    }

    private Node checklist() {
        checklistTable.setId("gen-checklist");
        checklistTable.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        checklistTable.setPlaceholder(new Label("The audit checklist fills in here as the auditor answers."));
        checklistTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ChecklistRow, String> task = column("Task", ChecklistRow::task);
        task.setPrefWidth(175);
        task.setMinWidth(110);
        TableColumn<ChecklistRow, String> item = column("Item", ChecklistRow::item);
        item.setPrefWidth(150);
        item.setMinWidth(110);
        item.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                ChecklistRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(row.question()));
            }
        });
        TableColumn<ChecklistRow, AuditVerdict> verdict = new TableColumn<>("Verdict");
        verdict.setCellValueFactory(d -> d.getValue().verdictProperty());
        verdict.setCellFactory(c -> new TableCell<>() {
            private final VerdictBadge badge = new VerdictBadge();

            @Override
            protected void updateItem(AuditVerdict v, boolean empty) {
                super.updateItem(v, empty);
                if (empty) {
                    setGraphic(null);
                    return;
                }
                badge.set(v);
                setGraphic(badge);
            }
        });
        verdict.setPrefWidth(80);
        verdict.setMinWidth(80);
        TableColumn<ChecklistRow, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(d -> d.getValue().reasonProperty());
        reason.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isEmpty() ? null : new Tooltip(s));
            }
        });
        reason.setPrefWidth(200);
        checklistTable.getColumns().setAll(List.of(task, item, verdict, reason));
        checklistTable.setItems(detail.checklist());
        Label head = new Label("Audit checklist", new FontIcon(Feather.CHECK_SQUARE));
        head.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(4, head, checklistTable);
        box.setPadding(new Insets(6, 8, 6, 8));
        VBox.setVgrow(checklistTable, Priority.ALWAYS);
        return box;
    }

    private static <T, V> TableColumn<T, V> column(String title, Function<T, V> value) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private Node statusBar() {
        Label status = Parts.statusText("gen-status", job.statusProperty(), job.statusIsErrorProperty());
        Label progress = new Label();
        progress.setId("gen-progress");
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.textProperty().bind(job.progressProperty());
        return Parts.statusBar(status, new Spacer(), progress);
    }

    // For tests ----------------------------------------------------------------------------------

    ListView<FeedLine> creatorList() {
        return creatorList;
    }

    ListView<FeedLine> auditorList() {
        return auditorList;
    }

    TableView<ChecklistRow> checklistTable() {
        return checklistTable;
    }

    ImageView startView() {
        return startView;
    }

    ImageView endView() {
        return endView;
    }

    TableView<EnvRow> envTable() {
        return envTable;
    }
}
