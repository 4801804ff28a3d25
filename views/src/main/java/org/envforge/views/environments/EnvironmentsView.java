package org.envforge.views.environments;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.envforge.service.ImportReport;
import org.envforge.spec.Checklist;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.PrivilegedInfo;
import org.envforge.spec.Problem;
import org.envforge.spec.StatusChange;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.views.code.CodeView;
import org.envforge.views.common.Parts;
import org.envforge.views.common.StatusBadge;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Environments view: a software -> environment -> task tree with filters, and the selected
 * item's detail: instruction, checklist, privileged info, metadata, history, and its files in a
 * highlighted code view with the problems marked at their lines.
 */
public final class EnvironmentsView extends BorderPane {

    private final EnvironmentsViewModel vm;
    private final TreeView<TreeEntry> tree = new TreeView<>();
    private final StackPane detailPane = new StackPane();
    private final ListView<DocumentView> files = new ListView<>();
    private final CodeView code = new CodeView();
    private final TabPane detailTabs = new TabPane();
    private final Tab filesTab = new Tab("Files");
    private final ListView<Problem> problems = new ListView<>();
    private String pendingTab;

    public EnvironmentsView(EnvironmentsViewModel vm) {
        this.vm = vm;
        setId("environments-view");
        setTop(toolbar());
        setCenter(center());
        setBottom(statusBar());
        vm.tasks().addListener((ListChangeListener<TaskSummary>) c -> rebuildTree());
        vm.environments().addListener((ListChangeListener<org.envforge.spec.EnvironmentSummary>) c -> rebuildTree());
        vm.detailProperty().addListener((o, a, d) -> {
            showDetail(d);
            reveal(d);
        });
        vm.lastReportProperty().addListener((o, a, r) -> {
            if (r != null) {
                showReport(r);
            }
        });
        showDetail(null);
    }

    // Toolbar ------------------------------------------------------------------------------------

    private Node toolbar() {
        Button importFolder = new Button("Import folder\u2026", new FontIcon(Feather.FOLDER_PLUS));
        importFolder.setId("env-import-folder");
        importFolder.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Import a Gym-Anything environment folder, a folder of them, or a folder of OSWorld tasks");
            File f = c.showDialog(getScene().getWindow());
            if (f != null) {
                vm.importPaths(List.of(f.toPath()));
            }
        });
        Button importJson = new Button("Import OSWorld JSON\u2026", new FontIcon(Feather.FILE_PLUS));
        importJson.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle("Import OSWorld task JSON");
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            List<File> fs = c.showOpenMultipleDialog(getScene().getWindow());
            if (fs != null) {
                vm.importPaths(fs.stream().map(File::toPath).toList());
            }
        });
        importFolder.disableProperty().bind(vm.importingProperty());
        importJson.disableProperty().bind(vm.importingProperty());

        CustomTextField search = new CustomTextField();
        search.setId("env-search");
        search.setPromptText("Search tasks");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(200);
        search.textProperty().bindBidirectional(vm.textProperty());

        ComboBox<TaskStatus> status = new ComboBox<>();
        status.setId("env-status-filter");
        status.getItems().add(null);
        status.getItems().addAll(TaskStatus.values());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaskStatus s) {
                return s == null ? "Any status" : s.label();
            }

            @Override
            public TaskStatus fromString(String s) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setValue(null);

        ComboBox<String> software = choice("env-software-filter", vm.softwareOptions(), vm.softwareProperty(), "Any software");
        ComboBox<String> difficulty = choice("env-difficulty-filter", vm.difficultyOptions(), vm.difficultyProperty(),
                "Any difficulty");
        ComboBox<String> source = choice("env-source-filter", vm.sourceOptions(), vm.sourceProperty(), "Any source");

        Label count = new Label();
        count.setId("env-count");
        count.textProperty().bind(vm.countProperty());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        return new ToolBar(importFolder, importJson, new Separator(Orientation.VERTICAL), search, status, software, difficulty,
                source, new Spacer(), count);
    }

    private static ComboBox<String> choice(String id, javafx.collections.ObservableList<String> options,
            javafx.beans.property.StringProperty value, String anyLabel) {
        ComboBox<String> c = new ComboBox<>(options);
        c.setId(id);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.equals(EnvironmentsViewModel.ANY) ? anyLabel : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        c.setValue(value.get());
        c.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                value.set(b);
            }
        });
        options.addListener((ListChangeListener<String>) ch -> c.setValue(value.get()));
        return c;
    }

    // Tree ---------------------------------------------------------------------------------------

    private Node center() {
        tree.setId("env-tree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(TreeEntry item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(item.label());
                if (item instanceof TreeEntry.Task task) {
                    setGraphic(new StatusBadge(task.summary().status()));
                } else if (item instanceof TreeEntry.Environment) {
                    setGraphic(new FontIcon(Feather.BOX));
                } else {
                    setGraphic(new FontIcon(Feather.MONITOR));
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item == null || item.getValue() == null) {
                return;
            }
            if (item.getValue() instanceof TreeEntry.Task t) {
                vm.showTask(t.summary().key());
            } else if (item.getValue() instanceof TreeEntry.Environment e) {
                vm.showEnvironment(e.summary().id());
            }
        });
        Label placeholder = new Label("No environments yet. Import a Gym-Anything folder or OSWorld tasks.");
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        StackPane left = new StackPane(tree);
        SplitPane split = new SplitPane(left, detailPane);
        split.setDividerPositions(0.3);
        return split;
    }

    private void rebuildTree() {
        String selectedKey = key(tree.getSelectionModel().getSelectedItem());
        TreeItem<TreeEntry> root = new TreeItem<>();
        Map<TreeEntry.Software, Map<TreeEntry.Environment, List<TaskSummary>>> data = vm.tree();
        boolean expandEnvs = data.values().stream().mapToInt(Map::size).sum() <= 3 || !vm.textProperty().get().isBlank()
                || vm.statusProperty().get() != null;
        TreeItem<TreeEntry> reselect = null;
        for (var sw : data.entrySet()) {
            TreeItem<TreeEntry> swItem = new TreeItem<>(sw.getKey());
            swItem.setExpanded(true);
            for (var env : sw.getValue().entrySet()) {
                TreeItem<TreeEntry> envItem = new TreeItem<>(env.getKey());
                envItem.setExpanded(expandEnvs);
                if (env.getKey().summary().id().equals(selectedKey)) {
                    reselect = envItem;
                }
                for (TaskSummary t : env.getValue()) {
                    TreeItem<TreeEntry> taskItem = new TreeItem<>(new TreeEntry.Task(t));
                    if (String.valueOf(t.key()).equals(selectedKey)) {
                        reselect = taskItem;
                        envItem.setExpanded(true);
                    }
                    envItem.getChildren().add(taskItem);
                }
                swItem.getChildren().add(envItem);
            }
            root.getChildren().add(swItem);
        }
        tree.setRoot(root);
        if (reselect != null) {
            tree.getSelectionModel().select(reselect);
        }
    }

    /** Selects the tree node of the shown detail (when it was opened from elsewhere). */
    private void reveal(Detail d) {
        if (!(d instanceof Detail.Task t)
                || String.valueOf(t.stored().summary().key()).equals(key(tree.getSelectionModel().getSelectedItem()))) {
            return;
        }
        for (TreeItem<TreeEntry> sw : tree.getRoot().getChildren()) {
            for (TreeItem<TreeEntry> env : sw.getChildren()) {
                for (TreeItem<TreeEntry> task : env.getChildren()) {
                    if (String.valueOf(t.stored().summary().key()).equals(key(task))) {
                        env.setExpanded(true);
                        tree.getSelectionModel().select(task);
                        tree.scrollTo(Math.max(0, tree.getRow(task) - 3));
                        return;
                    }
                }
            }
        }
    }

    private static String key(TreeItem<TreeEntry> item) {
        if (item == null || item.getValue() == null) {
            return null;
        }
        if (item.getValue() instanceof TreeEntry.Task t) {
            return String.valueOf(t.summary().key());
        }
        if (item.getValue() instanceof TreeEntry.Environment e) {
            return e.summary().id();
        }
        return null;
    }

    // Detail -------------------------------------------------------------------------------------

    private void showDetail(Detail d) {
        if (d == null) {
            Label hint = new Label("Select an environment or a task.");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            detailPane.getChildren().setAll(hint);
            return;
        }
        VBox header = new VBox(6);
        header.setPadding(new Insets(12, 12, 6, 12));
        Tab overview = new Tab("Overview");
        if (d instanceof Detail.Task t) {
            Label title = new Label(t.stored().summary().ref());
            title.getStyleClass().add(Styles.TITLE_3);
            title.setId("env-detail-title");
            StatusBadge badge = new StatusBadge(t.stored().summary().status());
            badge.setId("env-detail-status");
            Label source = new Label(t.stored().summary().source());
            source.getStyleClass().addAll("source-badge");
            HBox line = new HBox(10, title, badge, source);
            line.setAlignment(Pos.CENTER_LEFT);
            Label instruction = new Label(t.spec().instruction());
            instruction.setId("env-detail-instruction");
            instruction.setWrapText(true);
            instruction.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            instruction.getStyleClass().add("instruction");
            header.getChildren().addAll(line, instruction);
            overview.setContent(taskOverview(t));
        } else if (d instanceof Detail.Environment e) {
            Label title = new Label(e.spec().id());
            title.getStyleClass().add(Styles.TITLE_3);
            title.setId("env-detail-title");
            Label desc = new Label(e.spec().description());
            desc.setWrapText(true);
            desc.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            header.getChildren().addAll(title, desc);
            overview.setContent(environmentOverview(e));
        }
        files.setId("env-files");
        files.getItems().setAll(d.documents());
        files.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DocumentView doc, boolean empty) {
                super.updateItem(doc, empty);
                if (empty || doc == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(doc.name() + (doc.problemCount() > 0 ? "  (" + doc.problemCount() + ")" : ""));
                boolean err = doc.errorLines().containsValue(true);
                setGraphic(doc.problemCount() == 0 ? new FontIcon(Feather.FILE_TEXT)
                        : new FontIcon(err ? Feather.X_CIRCLE : Feather.ALERT_TRIANGLE));
            }
        });
        files.getSelectionModel().selectedItemProperty().addListener((o, a, doc) -> {
            if (doc != null) {
                code.show(doc.text(), doc.language(), doc.lineProblems(), doc.errorLines());
            }
        });
        files.setPrefWidth(220);
        code.setId("env-code");
        SplitPane filesSplit = new SplitPane(files, code);
        filesSplit.setDividerPositions(0.25);
        filesTab.setContent(filesSplit);
        if (!d.documents().isEmpty()) {
            files.getSelectionModel().select(0);
        }

        problems.setId("env-problems");
        problems.getItems().setAll(d.problems());
        problems.setPlaceholder(new Label("No problems."));
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(p.file() + (p.pointer().isEmpty() ? "" : " " + p.pointer()) + ": " + p.message());
                setWrapText(true);
                FontIcon icon = new FontIcon(p.isError() ? Feather.X_CIRCLE : Feather.ALERT_TRIANGLE);
                icon.getStyleClass().add(p.isError() ? "problem-error-icon" : "problem-warning-icon");
                setGraphic(icon);
            }
        });
        problems.setOnMouseClicked(ev -> {
            Problem p = problems.getSelectionModel().getSelectedItem();
            if (p != null && ev.getClickCount() == 2) {
                goTo(d, p);
            }
        });
        Tab problemsTab = new Tab("Problems (" + d.problems().size() + ")", problems);
        detailTabs.getTabs().setAll(overview, filesTab, problemsTab);
        detailTabs.getTabs().forEach(t -> t.setClosable(false));
        detailTabs.setId("env-detail-tabs");
        VBox box = new VBox(header, detailTabs);
        VBox.setVgrow(detailTabs, Priority.ALWAYS);
        detailPane.getChildren().setAll(box);
        if (pendingTab != null) {
            showTab(pendingTab);
        }
    }

    /** Shows the detail tab whose title starts with the name (overview, files, problems), now and for later details. */
    public void showTab(String name) {
        pendingTab = name;
        for (Tab t : detailTabs.getTabs()) {
            if (t.getText().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
                detailTabs.getSelectionModel().select(t);
            }
        }
    }

    /** Opens the file a problem is in, at its line. */
    public void goTo(Detail d, Problem p) {
        EnvironmentsViewModel.documentFor(d, p).ifPresent(doc -> {
            detailTabs.getSelectionModel().select(filesTab);
            files.getSelectionModel().select(doc);
            code.goToLine(EnvironmentsViewModel.lineOf(doc, p));
        });
    }

    private Node taskOverview(Detail.Task t) {
        TaskSpec s = t.spec();
        VBox box = new VBox(12);
        box.setPadding(new Insets(12));
        GridPane facts = facts();
        int r = 0;
        Parts.fact(facts, r++, "Difficulty", s.difficulty() == null ? "unspecified" : s.difficulty());
        Parts.fact(facts, r++, "Limits", (s.limits().maxSteps() == null ? "?" : s.limits().maxSteps()) + " steps, "
                + (s.limits().timeoutSeconds() == null ? "?" : s.limits().timeoutSeconds()) + " s"
                + (s.limits().rewardType() == null ? "" : ", " + s.limits().rewardType() + " reward"));
        Parts.fact(facts, r++, "Checker", s.checker().describe());
        Parts.fact(facts, r++, "Setup", s.setup() == null ? "none" : s.setup());
        Parts.fact(facts, r++, "Export", s.export() == null ? "none" : s.export());
        Parts.fact(facts, r++, "Oracle", s.oracle().isEmpty() ? "none" : s.oracle().size() + " actions");
        Parts.fact(facts, r, "Environment", t.environment().id());
        box.getChildren().add(facts);

        Checklist c = s.checklist();
        if (c != null) {
            box.getChildren().add(Parts.section("Checklist (" + (long) c.totalPoints() + " points)"));
            GridPane items = rows("env-checklist", 0, 44, 50);
            int row = 0;
            for (Checklist.Item i : c.completion()) {
                Label pts = new Label(trim(i.points()));
                pts.getStyleClass().add("points-badge");
                items.addRow(row++, pts, wrap(i.description(), false), wrap(i.visualEvidence(), true));
            }
            box.getChildren().add(items);
            if (!c.integrity().isEmpty()) {
                box.getChildren().add(Parts.section("Integrity (a failure zeroes the score)"));
                GridPane integ = rows("env-integrity", 46, 54);
                int ir = 0;
                for (Checklist.IntegrityItem i : c.integrity()) {
                    integ.addRow(ir++, wrap(i.description(), false), wrap(i.visualEvidence(), true));
                }
                box.getChildren().add(integ);
            }
        } else {
            box.getChildren().add(muted("No checklist: only the program checker judges this task."));
        }
        PrivilegedInfo pi = s.privilegedInfo();
        if (pi != null) {
            box.getChildren().add(Parts.section(String.format(Locale.ROOT,
                    "Privileged information (%d verified, %d contradicted, %d unverified)",
                    pi.count(PrivilegedInfo.Status.VERIFIED), pi.count(PrivilegedInfo.Status.CONTRADICTED),
                    pi.count(PrivilegedInfo.Status.UNVERIFIED))));
            GridPane items = rows("env-pi", 0, 24, 24, 42);
            int row = 0;
            for (PrivilegedInfo.Item i : pi.items()) {
                Label st = new Label(i.status().name().toLowerCase(Locale.ROOT));
                st.getStyleClass().add("pi-" + st.getText());
                items.addRow(row++, st, wrap(i.key(), false), wrap(EnvironmentsViewModel.text(i.verifiedValue()), false),
                        wrap(i.source(), true));
            }
            box.getChildren().add(items);
        }
        if (!s.metadata().isEmpty()) {
            box.getChildren().add(Parts.section("Metadata (ground truth)"));
            GridPane meta = rows("env-metadata", 30, 70);
            int row = 0;
            for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : s.metadata().entrySet()) {
                meta.addRow(row++, wrap(e.getKey(), false), wrap(EnvironmentsViewModel.text(e.getValue()), false));
            }
            box.getChildren().add(meta);
        }
        box.getChildren().add(Parts.section("History"));
        for (StatusChange h : t.stored().history()) {
            Label l = new Label(h.at().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z") + "  " + h.status().label()
                    + " by " + h.actor() + (h.reason() == null ? "" : ": " + h.reason()));
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node environmentOverview(Detail.Environment e) {
        EnvironmentSpec s = e.spec();
        VBox box = new VBox(12);
        box.setPadding(new Insets(12));
        GridPane facts = facts();
        int r = 0;
        Parts.fact(facts, r++, "Software", e.stored().summary().software());
        Parts.fact(facts, r++, "Source", e.stored().provenance().format() + (e.stored().provenance().licence() == null ? ""
                : " (" + e.stored().provenance().licence() + ")"));
        Parts.fact(facts, r++, "Origin", String.valueOf(e.stored().provenance().origin()));
        Parts.fact(facts, r++, "Runtime", "base " + s.base() + ", " + s.osType() + "; cpu " + n(s.resources().cpu()) + ", memory "
                + n(s.resources().memGb()) + " GB, network " + (s.resources().network() == null ? "?" : s.resources().network()));
        for (var h : s.hooks().entrySet()) {
            Parts.fact(facts, r++, "Hook " + h.getKey(), h.getValue());
        }
        Parts.fact(facts, r++, "Observation", String.join(", ", s.observation()));
        Parts.fact(facts, r++, "Action", String.join(", ", s.action()));
        Parts.fact(facts, r, "Tasks", String.valueOf(e.stored().summary().tasks()));
        box.getChildren().add(facts);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static String n(Double d) {
        return d == null ? "?" : trim(d);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static GridPane facts() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(4);
        javafx.scene.layout.ColumnConstraints k = new javafx.scene.layout.ColumnConstraints();
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints v = new javafx.scene.layout.ColumnConstraints();
        v.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(k, v);
        return g;
    }



    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    /** A grid of wrapping rows; each column takes the given percentage of the width (0: its own width). */
    private static GridPane rows(String id, double... percents) {
        GridPane g = new GridPane();
        g.setId(id);
        g.getStyleClass().add("detail-rows");
        g.setHgap(12);
        g.setVgap(6);
        for (double pct : percents) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            if (pct == 0) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            } else {
                c.setPercentWidth(pct);
            }
            g.getColumnConstraints().add(c);
        }
        return g;
    }

    private static Label wrap(String text, boolean muted) {
        Label l = new Label(text == null ? "" : text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        if (muted) {
            l.getStyleClass().add(Styles.TEXT_MUTED);
        }
        return l;
    }

    private static <T> TableView<T> table(String id) {
        TableView<T> t = new TableView<>();
        t.setId(id);
        t.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private static void size(TableView<?> t, int rows) {
        double h = 30 + Math.min(rows, 12) * 26.0;
        t.setMinHeight(h);
        t.setPrefHeight(h);
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    // Status and import report -------------------------------------------------------------------

    private Node statusBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("env-import-progress");
        bar.progressProperty().bind(vm.importProgressProperty());
        bar.visibleProperty().bind(vm.importingProperty());
        bar.managedProperty().bind(vm.importingProperty());
        bar.setPrefWidth(200);
        Label text = Parts.statusText("env-import-status", vm.importTextProperty(), null);
        Label message = Parts.statusText("env-message", vm.messageProperty(), null);
        HBox box = new HBox(10, bar, text, new Spacer(), message);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.getStyleClass().add("status-bar");
        return box;
    }

    private void showReport(ImportReport r) {
        Alert a = new Alert(r.errors() > 0 ? Alert.AlertType.WARNING : Alert.AlertType.INFORMATION, "", ButtonType.OK);
        a.setTitle("Import finished");
        a.setHeaderText(EnvironmentsViewModel.summary(r));
        ListView<String> list = new ListView<>();
        r.problems().stream().sorted((x, y) -> Boolean.compare(y.isError(), x.isError())).forEach(p -> list.getItems().add(p.toString()));
        if (r.problemCount() > r.problems().size()) {
            list.getItems().add("\u2026 and " + (r.problemCount() - r.problems().size()) + " more (envforge env import lists them all)");
        }
        list.setPrefSize(760, 320);
        list.setPlaceholder(new Label("No problems."));
        a.getDialogPane().setContent(list);
        a.getDialogPane().setId("env-import-report");
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.show();
    }

    /** The code view, for tests. */
    CodeView code() {
        return code;
    }
}
