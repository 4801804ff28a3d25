package org.envforge.views.patterns;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.envforge.views.common.Parts;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Failure patterns: stacked bars of audit failures per plugin by kind, the same kinds over time,
 * and the memory notes the plugins' creators read.
 */
public final class PatternsView extends BorderPane {

    private final PatternsViewModel vm;
    private final StackPane byPluginHolder = new StackPane();
    private final StackPane overTimeHolder = new StackPane();
    private final FlowPane legend = new FlowPane(14, 6);
    private StackedBarChart<String, Number> byPluginChart;
    private StackedBarChart<String, Number> overTimeChart;

    public PatternsView(PatternsViewModel vm) {
        this.vm = vm;
        setId("patterns-view");
        setTop(toolbar());
        SplitPane split = new SplitPane(charts(), notes());
        split.setDividerPositions(0.7);
        setCenter(split);
        vm.byPluginProperty().addListener((o, a, m) -> showByPlugin());
        vm.overTimeProperty().addListener((o, a, m) -> showOverTime());
        showByPlugin();
        showOverTime();
        Parts.onShown(this, vm::refresh);
    }

    private Node toolbar() {
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("patterns-refresh");
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.loadingProperty());
        Label summary = new Label();
        summary.setId("patterns-summary");
        summary.textProperty().bind(vm.summaryProperty());
        return new ToolBar(refresh, summary);
    }

    private Node charts() {
        Label t1 = Parts.section("Failure kinds per plugin");
        Label n1 = muted("Audit items that failed, summed over every round of every job.");
        legend.setId("patterns-legend");
        byPluginHolder.setId("patterns-by-plugin-holder");
        VBox.setVgrow(byPluginHolder, Priority.ALWAYS);

        Label t2 = Parts.section("Over time");
        ComboBox<PatternsViewModel.Bucket> bucket = new ComboBox<>();
        bucket.getItems().setAll(PatternsViewModel.Bucket.values());
        bucket.setId("patterns-bucket");
        bucket.setConverter(new StringConverter<>() {
            @Override
            public String toString(PatternsViewModel.Bucket b) {
                return b == null ? "" : b.label();
            }

            @Override
            public PatternsViewModel.Bucket fromString(String s) {
                return null;
            }
        });
        bucket.valueProperty().bindBidirectional(vm.bucketProperty());
        ComboBox<String> plugin = new ComboBox<>(vm.pluginOptions());
        plugin.setId("patterns-plugin");
        plugin.setValue(vm.pluginProperty().get());
        plugin.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.pluginProperty().set(b);
            }
        });
        vm.pluginProperty().addListener((o, a, b) -> plugin.setValue(b));
        HBox row = new HBox(10, t2, new Spacer(), plugin, bucket);
        row.setAlignment(Pos.CENTER_LEFT);
        overTimeHolder.setId("patterns-over-time-holder");
        VBox.setVgrow(overTimeHolder, Priority.ALWAYS);
        VBox box = new VBox(6, t1, n1, byPluginHolder, legend, row, overTimeHolder);
        box.setPadding(new Insets(12));
        return box;
    }

    private Node notes() {
        ListView<PatternsViewModel.MemoryNote> list = new ListView<>(vm.notes());
        list.setId("patterns-memory");
        Label empty = muted("No memory notes yet. They are condensed from failed audits every few environments.");
        list.setPlaceholder(empty);
        list.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(PatternsViewModel.MemoryNote n, boolean empty) {
                super.updateItem(n, empty);
                if (empty || n == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label p = new Label(n.plugin(), new FontIcon(Feather.BOOK_OPEN));
                p.getStyleClass().add(Styles.TEXT_BOLD);
                Label text = new Label(n.note());
                text.setWrapText(true);
                text.setMinHeight(Region.USE_PREF_SIZE);
                VBox box = new VBox(4, p, text);
                box.setMaxWidth(Double.MAX_VALUE);
                text.maxWidthProperty().bind(l.widthProperty().subtract(40));
                setText(null);
                setGraphic(box);
            }
        });
        Label t = Parts.section("Memory notes");
        Label n = muted("What each plugin's creator is told before it makes the next environment.");
        VBox box = new VBox(6, t, n, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    // Charts are rebuilt on each change: category axes of stacked bar charts do not forget old categories.

    private void showByPlugin() {
        Map<String, Map<String, Integer>> data = vm.byPluginProperty().get();
        List<String> kinds = vm.kindsProperty().get();
        byPluginChart = chart("patterns-by-plugin", "Plugin", data, kinds);
        byPluginHolder.getChildren().setAll(data.isEmpty() ? muted("No audit failures yet.") : byPluginChart);
        legend.getChildren().clear();
        for (String k : kinds) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("failure-swatch", "failure-kind-" + PatternsViewModel.colourOf(k));
            swatch.setMinSize(12, 12);
            swatch.setMaxSize(12, 12);
            Label l = new Label(k, swatch);
            l.getStyleClass().add("failure-legend-item");
            legend.getChildren().add(l);
        }
    }

    private void showOverTime() {
        Map<String, Map<String, Integer>> data = vm.overTimeProperty().get();
        List<String> kinds = PatternsViewModel.kinds(data.values());
        overTimeChart = chart("patterns-over-time", "", data, kinds);
        overTimeHolder.getChildren().setAll(data.isEmpty() ? muted("No audit failures yet.") : overTimeChart);
    }

    private static StackedBarChart<String, Number> chart(String id, String xLabel, Map<String, Map<String, Integer>> data,
            List<String> kinds) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(xLabel.isEmpty() ? null : xLabel);
        x.setCategories(javafx.collections.FXCollections.observableArrayList(data.keySet()));
        NumberAxis y = new NumberAxis();
        y.setLabel("Failures");
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setId(id);
        chart.getStyleClass().add("patterns-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        // Bars at most about 120 pixels wide, however few the categories.
        int categories = Math.max(1, data.size());
        chart.widthProperty().addListener((o, a, w) -> chart.setCategoryGap(Math.max(12, (w.doubleValue() - 90 - categories * 120)
                / categories)));
        chart.setMinHeight(200);
        List<XYChart.Series<String, Number>> all = new java.util.ArrayList<>();
        for (String kind : kinds) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(kind);
            for (Map.Entry<String, Map<String, Integer>> e : data.entrySet()) {
                Integer n = e.getValue().get(kind);
                if (n != null && n > 0) {
                    s.getData().add(new XYChart.Data<>(e.getKey(), n));
                }
            }
            all.add(s);
        }
        chart.getData().setAll(all);
        // The chart sets its bars' style classes as series are added; the kind's colour class goes on after.
        for (XYChart.Series<String, Number> s : all) {
            String cls = "failure-kind-" + PatternsViewModel.colourOf(s.getName());
            for (XYChart.Data<String, Number> d : s.getData()) {
                Node bar = d.getNode();
                if (bar != null) {
                    bar.getStyleClass().add(cls);
                    Tooltip.install(bar, new Tooltip(d.getXValue() + " \u00b7 " + s.getName() + ": " + d.getYValue()));
                }
            }
        }
        return chart;
    }


    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.setWrapText(true);
        return l;
    }

    // For tests ----------------------------------------------------------------------------------

    StackedBarChart<String, Number> byPluginChart() {
        return byPluginChart;
    }

    StackedBarChart<String, Number> overTimeChart() {
        return overTimeChart;
    }

    FlowPane legend() {
        return legend;
    }
}
