package org.envforge.views.catalog;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.table.TableFilter;
import org.envforge.catalog.Catalog;
import org.envforge.catalog.CurationSet;
import org.envforge.catalog.MajorGroup;
import org.envforge.catalog.Occupation;
import org.envforge.catalog.Product;
import org.envforge.text.Formats;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.Parts;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Catalog view: software products ranked by economic weight, a product's occupations, and a
 * select-top-N action with its major-group coverage chart.
 */
public final class CatalogView extends BorderPane {

    private final CatalogViewModel vm;
    private final TableView<Product> table = new TableView<>();
    private final TableView<Occupation> occupationTable = new TableView<>();
    private final CoverageBars chart = new CoverageBars();
    private final Label detailTitle = new Label("Select a product");
    private final Label detailSubtitle = new Label("");
    private final GridPane detailFacts = new GridPane();
    private final TabPane tabs = new TabPane();

    public CatalogView(CatalogViewModel vm) {
        this.vm = vm;
        getStyleClass().add("catalog-view");
        setId("catalog-view");
        setTop(toolbar());
        setCenter(center());
        setBottom(statusBar());
    }

    // Toolbar --------------------------------------------------------------------------------

    private Node toolbar() {
        CustomTextField search = new CustomTextField();
        search.setId("catalog-search");
        search.setPromptText("Search products or categories");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(280);
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setOnAction(e -> search.clear());
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clear);

        ToggleButton named = toggle("catalog-hide-generic", "Named products",
                "Hide generic category entries such as \"Web browser software\"");
        named.selectedProperty().bindBidirectional(vm.hideGenericProperty());
        ToggleButton gym = toggle("catalog-gym-only", "Gym-Anything", "Only products among Gym-Anything's 488 selected");
        gym.selectedProperty().bindBidirectional(vm.gymAnythingOnlyProperty());
        ToggleButton runnable = toggle("catalog-runnable-only", "Runnable", "Only products an installed plugin can run");
        runnable.selectedProperty().bindBidirectional(vm.runnableOnlyFilterProperty());
        named.getStyleClass().add(Styles.LEFT_PILL);
        gym.getStyleClass().add(Styles.CENTER_PILL);
        runnable.getStyleClass().add(Styles.RIGHT_PILL);
        HBox pills = new HBox(named, gym, runnable);

        ComboBox<MajorGroup> group = new ComboBox<>();
        group.setId("catalog-group-filter");
        group.setPromptText("All major groups");
        group.getItems().add(null);
        vm.groups().addListener((javafx.collections.ListChangeListener<MajorGroup>) c -> {
            java.util.List<MajorGroup> items = new java.util.ArrayList<>();
            items.add(null); // "All major groups"
            items.addAll(vm.groups());
            MajorGroup current = vm.groupFilterProperty().get();
            group.getItems().setAll(items);
            group.setValue(current);
        });
        group.setConverter(new StringConverter<>() {
            @Override
            public String toString(MajorGroup g) {
                return g == null ? "All major groups" : g.code().substring(0, 2) + "  " + g.shortTitle();
            }

            @Override
            public MajorGroup fromString(String s) {
                return null;
            }
        });
        group.valueProperty().bindBidirectional(vm.groupFilterProperty());
        group.setPrefWidth(260);

        Label shown = new Label();
        shown.setId("catalog-shown-count");
        shown.textProperty().bind(vm.shownCountProperty());
        shown.getStyleClass().add(Styles.TEXT_MUTED);

        ToolBar bar = new ToolBar(search, new Separator(Orientation.VERTICAL), pills, group, new Spacer(), shown);
        bar.getStyleClass().add("catalog-toolbar");
        return bar;
    }

    private static ToggleButton toggle(String id, String text, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    // Center: table | tabs --------------------------------------------------------------------

    private Node center() {
        buildTable();
        tabs.getTabs().addAll(new Tab("Product", productPane()), new Tab("Selection", selectionPane()));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setId("catalog-tabs");
        tabs.getStyleClass().add(Styles.TABS_CLASSIC);
        tabs.setMinWidth(380);

        SplitPane split = new SplitPane(table, tabs);
        split.setDividerPositions(0.57);

        MaskerPane masker = new MaskerPane();
        masker.setId("catalog-loading");
        masker.visibleProperty().bind(vm.loadingProperty());
        masker.textProperty().bind(vm.progressTextProperty());
        masker.progressProperty().bind(vm.progressProperty());
        return new StackPane(split, masker);
    }

    private void buildTable() {
        table.setId("catalog-table");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(new Label("No product matches the search and filters."));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        TableColumn<Product, Integer> rank = column("#", Product::rank);
        rank.setPrefWidth(64);
        rank.getStyleClass().add("numeric");
        TableColumn<Product, String> name = column("Product", Product::name);
        name.setPrefWidth(250);
        name.setComparator(String.CASE_INSENSITIVE_ORDER);
        TableColumn<Product, Double> weight = column("Weight", Product::weight);
        weight.setCellFactory(c -> text(Formats::money));
        weight.setPrefWidth(92);
        weight.getStyleClass().add("numeric");
        TableColumn<Product, Integer> groups = column("Groups", p -> p.majorGroups().size());
        groups.setPrefWidth(84);
        groups.getStyleClass().add("numeric");
        TableColumn<Product, Long> emp = column("Employment", Product::employment);
        emp.setCellFactory(c -> text(Formats::count));
        emp.setPrefWidth(124);
        emp.getStyleClass().add("numeric");
        TableColumn<Product, String> kind = column("Kind", p -> p.generic() ? "generic" : "named");
        kind.setPrefWidth(88);
        TableColumn<Product, String> hot = column("Hot", p -> p.hot() ? "hot" : "");
        hot.setPrefWidth(64);
        TableColumn<Product, String> gym = column("Gym-Anything", p -> p.gymAnything() ? "yes" : "");
        gym.setPrefWidth(124);
        TableColumn<Product, String> run = column("Plugin", p -> vm.isRunnable(p) ? "runs" : "");
        run.setPrefWidth(80);
        TableColumn<Product, String> sel = column("In set", p -> vm.isSelected(p) ? "\u2713" : "");
        sel.setPrefWidth(70);
        sel.getStyleClass().add("centered");
        sel.setId("catalog-selected-column");
        TableColumn<Product, String> commodity = column("Category", Product::commodityTitle);
        commodity.setPrefWidth(260);
        table.getColumns().setAll(java.util.List.of(rank, sel, name, weight, groups, emp, kind, hot, gym, run, commodity));

        table.setItems(vm.filteredProducts());
        TableFilter.forTableView(table).lazy(true).apply();
        vm.selectedNames().addListener((SetChangeListener<String>) c -> table.refresh());

        table.setRowFactory(tv -> {
            TableRow<Product> row = new TableRow<>();
            MenuItem include = new MenuItem("Always include in selections", new FontIcon(Feather.PLUS_CIRCLE));
            include.setOnAction(e -> vm.includeProduct(row.getItem()));
            MenuItem exclude = new MenuItem("Exclude from selections", new FontIcon(Feather.MINUS_CIRCLE));
            exclude.setOnAction(e -> vm.excludeProduct(row.getItem()));
            ContextMenu menu = new ContextMenu(include, exclude);
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                vm.selectedProductProperty().set(p);
                tabs.getSelectionModel().select(0);
            }
        });
        vm.selectedProductProperty().addListener((o, a, p) -> {
            if (p != null && table.getSelectionModel().getSelectedItem() != p) {
                table.getSelectionModel().select(p);
                table.scrollTo(p);
            }
        });
    }

    private static <T, V> TableColumn<T, V> column(String title, Function<T, V> value) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static <T, V> TableCell<T, V> text(Function<V, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }

    // Product detail -------------------------------------------------------------------------

    private Node productPane() {
        detailTitle.getStyleClass().add(Styles.TITLE_3);
        detailTitle.setId("catalog-detail-title");
        detailTitle.setWrapText(true);
        detailSubtitle.getStyleClass().add(Styles.TEXT_MUTED);
        detailFacts.setHgap(16);
        detailFacts.setVgap(4);
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        detailFacts.getColumnConstraints().setAll(keys, values);

        occupationTable.setId("catalog-occupations");
        occupationTable.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        occupationTable.setPlaceholder(new Label("Occupations that use the selected product appear here."));
        occupationTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
        TableColumn<Occupation, String> soc = column("SOC", Occupation::socCode);
        soc.setPrefWidth(76);
        TableColumn<Occupation, String> title = column("Occupation", Occupation::title);
        title.setPrefWidth(200);
        TableColumn<Occupation, Long> emp = column("Employment", Occupation::employment);
        emp.setCellFactory(c -> text(Formats::count));
        emp.setPrefWidth(110);
        emp.getStyleClass().add("numeric");
        TableColumn<Occupation, Occupation> wage = column("Mean wage", o -> o);
        wage.setCellFactory(c -> text(o -> Formats.wage(o.annualWage()) + (o.wageImputed() ? "*" : "")));
        wage.setComparator(java.util.Comparator.comparingDouble(Occupation::annualWage));
        wage.setPrefWidth(106);
        wage.getStyleClass().add("numeric");
        TableColumn<Occupation, Double> share = column("Share", Occupation::wageBillPerProduct);
        share.setCellFactory(c -> text(Formats::money));
        share.setPrefWidth(84);
        share.getStyleClass().add("numeric");
        occupationTable.getColumns().setAll(java.util.List.of(soc, title, emp, wage, share));
        for (TableColumn<Occupation, ?> c : java.util.List.of(soc, emp, wage, share)) {
            c.setMinWidth(c.getPrefWidth());
        }
        javafx.collections.transformation.SortedList<Occupation> sorted =
                new javafx.collections.transformation.SortedList<>(vm.occupations());
        sorted.comparatorProperty().bind(occupationTable.comparatorProperty());
        occupationTable.setItems(sorted);
        VBox.setVgrow(occupationTable, Priority.ALWAYS);

        vm.selectedProductProperty().addListener((o, a, p) -> showProduct(p));
        Label note = new Label("* annual mean suppressed by BLS: hourly mean \u00d7 2080. Share: the occupation's wage "
                + "bill divided by the number of products it lists.");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        VBox box = new VBox(8, detailTitle, detailSubtitle, detailFacts, new Label("Occupations using it"), occupationTable, note);
        box.setPadding(new Insets(12));
        return box;
    }

    private void showProduct(Product p) {
        detailFacts.getChildren().clear();
        if (p == null) {
            detailTitle.setText("Select a product");
            detailSubtitle.setText("");
            return;
        }
        Catalog c = vm.catalogProperty().get();
        detailTitle.setText(p.name());
        detailSubtitle.setText(p.commodityTitle());
        int r = 0;
        fact(r++, "Weight", Formats.money(p.weight()) + " a year  (" + Formats.percent(p.weight() / c.linkedWageBill())
                + " of the linked wage bill)");
        fact(r++, "Rank", p.rank() + " of " + String.format(Locale.ROOT, "%,d", c.products().size()));
        fact(r++, "Employment", Formats.count(p.employment()) + " workers in " + p.occupations().size() + " occupations");
        fact(r++, "Major groups", p.majorGroups().size() + " of " + c.majorGroups().size());
        StringBuilder flags = new StringBuilder(p.generic() ? "generic category entry" : "named product");
        if (p.hot()) {
            flags.append(", hot technology");
        }
        if (p.gymAnything()) {
            flags.append(", in Gym-Anything's selection");
        }
        if (vm.isRunnable(p)) {
            flags.append(", runnable by a plugin");
        }
        fact(r, "Flags", flags.toString());
    }

    private void fact(int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value);
        v.setWrapText(true);
        detailFacts.addRow(row, k, v);
    }

    // Selection ------------------------------------------------------------------------------

    private Node selectionPane() {
        Spinner<Integer> n = new Spinner<>(1, 2000, vm.nProperty().get(), 10);
        n.setId("catalog-n");
        n.setEditable(true);
        n.setPrefWidth(100);
        n.valueProperty().addListener((o, a, b) -> vm.nProperty().set(b));
        // Take typed numbers at once, not only when the spinner commits on focus loss.
        n.getEditor().textProperty().addListener((o, a, text) -> {
            try {
                int v = Integer.parseInt(text.strip());
                if (v >= 1 && v <= 2000) {
                    vm.nProperty().set(v);
                }
            } catch (NumberFormatException ignored) {
                // not a number yet; the spinner restores its value on commit
            }
        });
        CheckBox cover = new CheckBox("Cover all 22 major groups");
        cover.setId("catalog-cover-all");
        cover.selectedProperty().bindBidirectional(vm.coverAllGroupsProperty());
        CheckBox noGeneric = new CheckBox("Exclude generic entries");
        noGeneric.setId("catalog-exclude-generic");
        noGeneric.selectedProperty().bindBidirectional(vm.excludeGenericProperty());
        CheckBox runnable = new CheckBox("Only products a plugin can run");
        runnable.setId("catalog-select-runnable");
        runnable.selectedProperty().bindBidirectional(vm.runnableOnlyProperty());

        Label constraints = new Label();
        constraints.setId("catalog-constraints");
        constraints.getStyleClass().add(Styles.TEXT_SMALL);
        constraints.setWrapText(true);
        Runnable updateConstraints = () -> constraints.setText(vm.include().isEmpty() && vm.exclude().isEmpty()
                ? "Right-click a product in the table to always include or exclude it."
                : "Include: " + (vm.include().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(vm.include())))
                        + "   Exclude: " + (vm.exclude().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(vm.exclude()))));
        vm.include().addListener((SetChangeListener<String>) c -> updateConstraints.run());
        vm.exclude().addListener((SetChangeListener<String>) c -> updateConstraints.run());
        updateConstraints.run();
        Button clearConstraints = new Button("Clear");
        clearConstraints.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clearConstraints.setOnAction(e -> vm.clearConstraints());

        Button select = new Button("Select top N", new FontIcon(Feather.TRENDING_UP));
        select.setId("catalog-select");
        select.getStyleClass().add(Styles.ACCENT);
        select.disableProperty().bind(vm.catalogProperty().isNull().or(vm.busyProperty()));
        select.setOnAction(e -> vm.selectTopN());
        Button save = new Button("Save as curation set\u2026", new FontIcon(Feather.SAVE));
        save.setId("catalog-save");
        save.disableProperty().bind(vm.selectionProperty().isNull());
        save.setOnAction(e -> askAndSave());

        Label summary = new Label();
        summary.setId("catalog-selection-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.selectionSummaryProperty());

        chart.setId("catalog-coverage-chart");
        vm.groupShares().addListener((javafx.collections.ListChangeListener<GroupShare>) c -> chart.show(vm.groupShares()));
        Label chartTitle = new Label("Major-group coverage of the selection");
        chartTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label chartNote = new Label("Share of each SOC major group's wage bill carried by the selected products.");
        chartNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        chartNote.setWrapText(true);

        ListView<CurationSet> sets = new ListView<>(vm.sets());
        sets.setId("catalog-sets");
        sets.setPrefHeight(110);
        sets.setPlaceholder(new Label("No curation sets saved yet."));
        sets.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CurationSet s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name() + "  \u2014  " + s.items().size() + " products, "
                        + Formats.percent(s.share()) + ", " + s.groupsCovered() + " groups");
            }
        });

        HBox row1 = new HBox(8, new Label("N"), n, cover);
        row1.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(12, noGeneric, runnable);
        HBox row3 = new HBox(8, constraints, clearConstraints);
        row3.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(constraints, Priority.ALWAYS);
        HBox actions = new HBox(8, select, save);
        Label setsTitle = new Label("Curation sets");
        setsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(10, row1, row2, row3, actions, summary, chartTitle, chartNote, chart, setsTitle, sets);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void askAndSave() {
        Dialogs.askText(this, "Save curation set", "Name for this selection of " + vm.selectionProperty().get().products().size()
                + " products", "").ifPresent(name -> vm.saveSet(name, false, outcome -> {
                    if (outcome == CatalogViewModel.SaveOutcome.NAME_TAKEN
                            && Dialogs.confirm(this, "Replace \"" + name + "\"?", "A curation set of that name exists. Replace it?")) {
                        vm.saveSet(name, true, o -> { });
                    }
                }));
    }

    // Status ---------------------------------------------------------------------------------

    private Node statusBar() {
        Label status = Parts.statusText("catalog-status", vm.statusProperty(), vm.statusIsErrorProperty());
        Label credit = new Label("Data: O*NET 29.2 (USDOL/ETA, CC BY 4.0, modified), BLS OEWS May 2023");
        credit.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return Parts.statusBar(status, new Spacer(), credit);
    }

    /** Shows the Product (0) or Selection (1) tab. */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    /** The product table, for tests. */
    TableView<Product> table() {
        return table;
    }
}
