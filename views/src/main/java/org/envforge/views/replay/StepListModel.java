package org.envforge.views.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.envforge.trajectory.StepAnnotation;

/**
 * The open trajectory's steps as the step list, the filmstrip and the scrubber show them: every
 * step, the steps that pass the step filters (failed, tagged, one tag), and the tags to filter by.
 */
public final class StepListModel {

    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    // One wrapper for every caller: a wrapper listens to rows weakly, so listeners on a throwaway one are lost.
    private final ObservableList<StepRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<StepRow> visibleRows = new FilteredList<>(rows);
    private final BooleanProperty failedOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty taggedOnly = new SimpleBooleanProperty(false);
    private final StringProperty tag = new SimpleStringProperty(TrajectoryListModel.ANY);
    private final ObservableList<String> tagChoices = FXCollections.observableArrayList();
    private long trajectory = -1;

    public StepListModel() {
        failedOnly.addListener((o, a, b) -> updateFilter());
        taggedOnly.addListener((o, a, b) -> updateFilter());
        tag.addListener((o, a, b) -> updateFilter());
        updateTagChoices();
    }

    /** Shows the steps of a trajectory. */
    void show(long trajectoryId, List<StepRow> steps) {
        trajectory = trajectoryId;
        rows.setAll(steps);
        updateTagChoices();
    }

    /** Shows no steps. */
    void clear() {
        trajectory = -1;
        rows.clear();
    }

    int size() {
        return rows.size();
    }

    StepRow get(int position) {
        return rows.get(position);
    }

    /**
     * Gives the step at a position of the trajectory shown its new annotation.
     *
     * @return the new row, or null when that trajectory is no longer shown or has no such position
     */
    StepRow annotate(long trajectoryId, int position, StepAnnotation a) {
        if (trajectoryId != trajectory || position < 0 || position >= rows.size()) {
            return null;
        }
        StepRow r = rows.get(position).with(a);
        rows.set(position, r);
        updateTagChoices();
        return r;
    }

    /** A row's position in the whole step list, or -1 (a row of another trajectory has none). */
    public int positionOf(StepRow row) {
        if (row == null || trajectory < 0 || row.trajectory() != trajectory) {
            return -1;
        }
        int p = row.index();
        if (p >= 0 && p < rows.size() && rows.get(p).index() == p) {
            return p;
        }
        return find(rows, row.index());
    }

    /** The position of the step with this index in a list sorted by step index, or -1. */
    static int find(List<StepRow> list, int stepIndex) {
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = list.get(mid).index();
            if (v < stepIndex) {
                lo = mid + 1;
            } else if (v > stepIndex) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void updateFilter() {
        boolean failed = failedOnly.get();
        boolean tagged = taggedOnly.get();
        String t = TrajectoryListModel.choice(tag.get());
        Predicate<StepRow> p = r -> (!failed || r.failed()) && (!tagged || r.tagged()) && (t == null || r.tags().contains(t));
        visibleRows.setPredicate(!failed && !tagged && t == null ? null : p);
    }

    private void updateTagChoices() {
        TreeSet<String> extra = new TreeSet<>();
        for (StepRow r : rows) {
            if (r.annotation() != null) {
                extra.addAll(r.tags());
            }
        }
        extra.removeAll(StepAnnotation.COMMON_TAGS);
        List<String> next = new ArrayList<>();
        next.add(TrajectoryListModel.ANY);
        next.addAll(StepAnnotation.COMMON_TAGS);
        next.addAll(extra);
        if (!tagChoices.equals(next)) {
            tagChoices.setAll(next);
        }
    }

    /** Every step of the open trajectory (for the filmstrip and the scrubber). */
    public ObservableList<StepRow> all() {
        return readOnlyRows;
    }

    /** The steps that pass the step filters (for the step list). */
    public ObservableList<StepRow> visible() {
        return visibleRows;
    }

    public BooleanProperty failedOnlyProperty() {
        return failedOnly;
    }

    public BooleanProperty taggedOnlyProperty() {
        return taggedOnly;
    }

    /** Only the steps with this tag ("All" for any). */
    public StringProperty tagProperty() {
        return tag;
    }

    /** "All", the common tags, then the other tags used in the open trajectory. */
    public ObservableList<String> tagChoices() {
        return tagChoices;
    }
}
