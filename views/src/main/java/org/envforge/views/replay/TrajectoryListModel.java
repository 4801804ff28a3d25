package org.envforge.views.replay;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryFilter;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.trajectory.io.GymAnythingEpisodes;
import org.envforge.trajectory.io.OsworldTrajectories;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * The Replay view's trajectory list: the search text and the tag, verdict and source filters, and
 * the trajectories that pass them, listed again (in the background) whenever a filter changes.
 */
public final class TrajectoryListModel {

    /** "All" in the filter choices. */
    public static final String ANY = "All";
    /** Sources a trajectory comes from. */
    public static final List<String> SOURCES = List.of(ANY, "envforge", OsworldTrajectories.FORMAT, GymAnythingEpisodes.FORMAT);
    /** Verdict filter choices. */
    public static final List<String> VERDICTS = List.of(ANY, "good", "bad", "unsure");

    private final Function<TrajectoryFilter, List<Trajectory>> lister;
    private final TaskRunner tasks;
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty tagFilter = new SimpleStringProperty(ANY);
    private final StringProperty verdictFilter = new SimpleStringProperty(ANY);
    private final StringProperty sourceFilter = new SimpleStringProperty(ANY);
    private final ObservableList<Trajectory> trajectories = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long generation;

    /** @param lister lists the trajectories that pass a filter (called in the background) */
    public TrajectoryListModel(Function<TrajectoryFilter, List<Trajectory>> lister, TaskRunner tasks) {
        this.lister = lister;
        this.tasks = tasks;
        search.addListener((o, a, b) -> refresh());
        tagFilter.addListener((o, a, b) -> refresh());
        verdictFilter.addListener((o, a, b) -> refresh());
        sourceFilter.addListener((o, a, b) -> refresh());
    }

    /** The filter the search text and the choices make. */
    TrajectoryFilter filter() {
        TrajectoryFilter f = TrajectoryFilter.all().withText(search.get() == null ? null : search.get().strip());
        String verdict = choice(verdictFilter.get());
        return f.withTag(choice(tagFilter.get())).withSource(choice(sourceFilter.get()))
                .withVerdict(verdict == null ? null : TrajectoryVerdict.valueOf(verdict.toUpperCase(Locale.ROOT)));
    }

    /** A filter choice, or null for "All" (and nothing). */
    static String choice(String s) {
        return s == null || s.isBlank() || s.equals(ANY) ? null : s;
    }

    /** Lists the trajectories that pass the filters (in the background; only the newest listing is shown). */
    public void refresh() {
        TrajectoryFilter f = filter();
        long g = ++generation;
        tasks.run("list trajectories", () -> lister.apply(f), list -> {
            if (g != generation) {
                return; // a newer listing is on its way
            }
            trajectories.setAll(list);
            message.set(list.size() == 1 ? "1 trajectory" : String.format(Locale.ROOT, "%,d trajectories", list.size()));
        }, e -> message.set("Could not list trajectories: " + Dialogs.message(e)));
    }

    /** Shows a trajectory's new state (a verdict, an audit) where the list holds it. */
    void replace(Trajectory u) {
        for (int i = 0; i < trajectories.size(); i++) {
            if (trajectories.get(i).id() == u.id()) {
                trajectories.set(i, u);
            }
        }
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty tagFilterProperty() {
        return tagFilter;
    }

    public StringProperty verdictFilterProperty() {
        return verdictFilter;
    }

    public StringProperty sourceFilterProperty() {
        return sourceFilter;
    }

    public ObservableList<Trajectory> trajectories() {
        return trajectories;
    }

    /** "N trajectories", or why they could not be listed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
