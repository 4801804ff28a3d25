package org.envforge.views.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.envforge.engine.AuditFailure;
import org.envforge.views.common.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Failure counts and failures over time become stacked bars; memory notes are listed. */
@ExtendWith(ApplicationExtension.class)
class PatternsViewTest {

    private static final Instant DAY1 = Instant.parse("2025-05-01T09:15:00Z");
    private static final Instant DAY2 = Instant.parse("2025-05-02T14:40:00Z");

    private final List<AuditFailure> failures = List.of(
            new AuditFailure("gnumeric", "t1", "oracle_solves", DAY1),
            new AuditFailure("gnumeric", "t2", "oracle_solves", DAY1),
            new AuditFailure("gnumeric", "t1", "app_ready_at_start", DAY1.plusSeconds(3600)),
            new AuditFailure("mousepad", "t1", "instruction_no_leak", DAY2),
            new AuditFailure("mousepad", "", "round_error", DAY2));

    private FxTaskRunner tasks;
    private PatternsViewModel vm;
    private PatternsView view;

    @Start
    void start(Stage stage) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        failures.forEach(f -> counts.computeIfAbsent(f.plugin(), k -> new LinkedHashMap<>()).merge(f.item(), 1, Integer::sum));
        PatternSource source = new PatternSource() {
            @Override
            public Map<String, Map<String, Integer>> failureCounts() {
                return counts;
            }

            @Override
            public List<AuditFailure> failures() {
                return failures;
            }

            @Override
            public Optional<String> memory(String plugin) {
                return plugin.equals("gnumeric") ? Optional.of("Lessons from 3 environments: test the oracle (failed 2 times);")
                        : Optional.empty();
            }
        };
        tasks = new FxTaskRunner(2);
        vm = new PatternsViewModel(source, List.of("gnumeric", "mousepad", "xterm"), tasks, ZoneOffset.UTC);
        view = new PatternsView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    /** Waits for the condition, checked on the FX thread (where the view-model's lists change). */
    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Map<String, Number> values(StackedBarChart<String, Number> chart, String series) {
        Map<String, Number> out = new LinkedHashMap<>();
        chart.getData().stream().filter(s -> s.getName().equals(series)).findFirst().orElseThrow().getData()
                .forEach(d -> out.put(d.getXValue(), d.getYValue()));
        return out;
    }

    @Test
    void countsBecomeStackedBarsPerPluginAndOverTime(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#patterns-by-plugin").tryQuery()).isEmpty();
        robot.interact(vm::refresh);
        waitFor(() -> view.byPluginChart() != null && !view.byPluginChart().getData().isEmpty());
        StackedBarChart<String, Number> byPlugin = view.byPluginChart();
        assertThat((Object) robot.lookup("#patterns-by-plugin").query()).isSameAs(byPlugin);
        // One series per failure kind, in audit-checklist order, round errors last.
        assertThat(byPlugin.getData()).extracting(XYChart.Series::getName).containsExactly("app_ready_at_start", "oracle_solves",
                "instruction_no_leak", "round_error");
        assertThat(values(byPlugin, "oracle_solves")).containsExactly(Map.entry("gnumeric", 2));
        assertThat(values(byPlugin, "round_error")).containsExactly(Map.entry("mousepad", 1));
        // Bars carry the kind's colour class; the legend names the kinds.
        Node bar = byPlugin.getData().get(1).getData().get(0).getNode();
        assertThat(bar.getStyleClass()).contains("failure-kind-4");
        assertThat(view.legend().getChildren()).extracting(n -> ((Label) n).getText()).containsExactly("app_ready_at_start",
                "oracle_solves", "instruction_no_leak", "round_error");
        assertThat(robot.lookup("#patterns-summary").queryAs(Label.class).getText())
                .isEqualTo("5 audit failures in 2 plugins; the most common kind is oracle_solves (2).");

        // Over time, per day.
        StackedBarChart<String, Number> overTime = view.overTimeChart();
        assertThat(values(overTime, "oracle_solves")).containsExactly(Map.entry("2025-05-01", 2));
        assertThat(values(overTime, "instruction_no_leak")).containsExactly(Map.entry("2025-05-02", 1));
        // Per hour, for one plugin.
        robot.interact(() -> {
            vm.bucketProperty().set(PatternsViewModel.Bucket.HOUR);
            vm.pluginProperty().set("gnumeric");
        });
        WaitForAsyncUtils.waitForFxEvents();
        overTime = view.overTimeChart();
        assertThat(overTime.getData()).extracting(XYChart.Series::getName).containsExactly("app_ready_at_start", "oracle_solves");
        assertThat(values(overTime, "oracle_solves")).containsExactly(Map.entry("05-01 09:00", 2));
        assertThat(values(overTime, "app_ready_at_start")).containsExactly(Map.entry("05-01 10:00", 1));
        assertThat(vm.pluginOptions()).containsExactly(PatternsViewModel.ALL, "gnumeric", "mousepad");

        // The memory notes.
        @SuppressWarnings("unchecked")
        ListView<PatternsViewModel.MemoryNote> notes = robot.lookup("#patterns-memory").queryAs(ListView.class);
        assertThat(notes.getItems()).containsExactly(new PatternsViewModel.MemoryNote("gnumeric",
                "Lessons from 3 environments: test the oracle (failed 2 times);"));
        assertThat(robot.lookup("Lessons from 3 environments: test the oracle (failed 2 times);").tryQuery()).isPresent();
    }
}
