package org.envforge.views.replay;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.envforge.trajectory.Trajectory;

/** The trajectory list: id, task, agent, source, steps, said done, checker, verdict. */
final class TrajectoryTable extends TableView<Trajectory> {

    TrajectoryTable(ObservableList<Trajectory> items) {
        super(items);
        getStyleClass().add("replay-trajectories");
        setPlaceholder(new Label("No trajectories. Record one, or import OSWorld or Gym-Anything runs (envforge traj import)."));
        ((Label) getPlaceholder()).setWrapText(true);
        TableColumn<Trajectory, Long> id = column("Id", 40, Trajectory::id);
        id.getStyleClass().add("numeric");
        TableColumn<Trajectory, String> task = column("Task", 200, TrajectoryTable::task);
        task.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                Trajectory t = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(t == null || t.instruction() == null ? null : new Tooltip(t.instruction()));
            }
        });
        TableColumn<Trajectory, String> agent = column("Agent", 80, Trajectory::agent);
        TableColumn<Trajectory, String> source = column("Source", 90, Trajectory::source);
        TableColumn<Trajectory, Integer> steps = column("Steps", 52, Trajectory::steps);
        steps.getStyleClass().add("numeric");
        TableColumn<Trajectory, String> done = column("Said done", 72, t -> t.saidDone() ? "yes" : "no");
        done.getStyleClass().add("centered");
        TableColumn<Trajectory, String> checker = column("Checker", 64, t -> t.checkerPassed() == null ? "\u2014"
                : t.checkerPassed() ? "pass" : "fail");
        checker.getStyleClass().add("centered");
        checker.setCellFactory(c -> badgeCell("replay-checker-"));
        TableColumn<Trajectory, String> verdict = column("Verdict", 66, t -> t.verdict() == null ? ""
                : t.verdict().name().toLowerCase(Locale.ROOT));
        verdict.getStyleClass().add("centered");
        verdict.setCellFactory(c -> badgeCell("replay-verdict-"));
        // What a curator scans for first comes first: the task, its verdict, its length, whether it passed.
        getColumns().setAll(java.util.List.of(id, task, verdict, steps, checker, done, agent, source));
    }

    private static <T> TableColumn<Trajectory, T> column(String title, double width, Function<Trajectory, T> value) {
        TableColumn<Trajectory, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /** A cell whose text is also a style class ("replay-verdict-good"), so values can be coloured. */
    private static TableCell<Trajectory, String> badgeCell(String prefix) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeIf(c -> c.startsWith(prefix));
                setText(empty ? null : s);
                if (!empty && s != null && !s.isEmpty() && !s.equals("\u2014")) {
                    getStyleClass().add(prefix + s);
                }
            }
        };
    }

    /** The task reference, or the start of the instruction when the run has no known task. */
    static String task(Trajectory t) {
        if (t.taskRef() != null && !t.taskRef().isBlank()) {
            return t.taskRef();
        }
        String i = t.instruction() == null ? "" : t.instruction().strip().replace('\n', ' ');
        return i.isEmpty() ? "(unknown task)" : i.length() > 60 ? i.substring(0, 59) + "\u2026" : i;
    }
}
