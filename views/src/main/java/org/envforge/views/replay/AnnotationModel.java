package org.envforge.views.replay;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * The annotation panel's edits: the current step's tags and note, and the open trajectory's
 * verdict. Writes run one after another in the background; the note is stored for the step it
 * was written for, when it changed.
 */
public final class AnnotationModel {

    /** What the replay does with the outcome of a write. */
    interface Listener {

        /** A step of a trajectory has a new annotation (null when it has none left). */
        void annotated(long trajectory, int position, StepAnnotation annotation);

        /** A write for the step at this position failed: its controls show the stored state again. */
        void rejected(int position);

        /** A trajectory was judged. */
        void judged(Trajectory trajectory);

        /** Judging failed: the verdict controls show the stored verdict again. */
        void verdictRejected();

        /** A line for the status bar. */
        void status(String message);
    }

    private final AnnotationStore store;
    private final WriteQueue writes;
    private final ObservableValue<StepRow> current;
    private final ObservableValue<Number> index;
    private final ObservableValue<Trajectory> trajectory;
    private final Listener listener;
    private final StringProperty note = new SimpleStringProperty("");
    private long noteTrajectory = -1;
    private int notePosition = -1;
    private int noteStep = -1;
    private String savedNote = "";

    AnnotationModel(AnnotationStore store, TaskRunner tasks, ObservableValue<Trajectory> trajectory, ObservableValue<StepRow> current,
            ObservableValue<Number> index, Listener listener) {
        this.store = store;
        this.writes = new WriteQueue(tasks);
        this.trajectory = trajectory;
        this.current = current;
        this.index = index;
        this.listener = listener;
    }

    /** A tag as it is stored: trimmed, lower case. */
    static String normalTag(String tag) {
        return tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
    }

    /** Tags or untags the current step (stored in the background, in order). */
    public void setTag(String tag, boolean on) {
        StepRow row = current.getValue();
        String t = normalTag(tag);
        if (row == null || t.isEmpty() || row.tags().contains(t) == on) {
            return;
        }
        long id = row.trajectory();
        int step = row.step().index();
        int position = index.getValue().intValue();
        writes.submit(on ? "tag" : "untag", () -> {
            if (on) {
                store.tag(id, step, t);
            } else {
                store.untag(id, step, t);
            }
            return Optional.ofNullable(store.annotations(id).get(step));
        }, a -> {
            listener.annotated(id, position, a.orElse(null));
            listener.status((on ? "Tagged step " : "Untagged step ") + step + " \u201c" + t + "\u201d.");
        }, e -> {
            listener.status("Could not " + (on ? "tag" : "untag") + " step " + step + ": " + Dialogs.message(e));
            listener.rejected(position);
        });
    }

    /** Adds a free tag to the current step. */
    public void addTag(String tag) {
        setTag(tag, true);
    }

    /** Stores the note of the step it was written for, when it changed. */
    public void saveNote() {
        if (noteTrajectory < 0 || noteStep < 0) {
            return;
        }
        String text = note.get() == null ? "" : note.get().strip();
        if (text.equals(savedNote)) {
            return;
        }
        savedNote = text;
        long id = noteTrajectory;
        int step = noteStep;
        int position = notePosition;
        writes.submit("note", () -> {
            store.note(id, step, text);
            return Optional.ofNullable(store.annotations(id).get(step));
        }, a -> {
            listener.annotated(id, position, a.orElse(null));
            listener.status(text.isEmpty() ? "Note removed from step " + step + "." : "Note saved for step " + step + ".");
        }, e -> listener.status("Could not save the note of step " + step + ": " + Dialogs.message(e)));
    }

    /** The note being edited is now the one of this step. */
    void load(StepRow row, int position) {
        noteTrajectory = row.trajectory();
        notePosition = position;
        noteStep = row.step().index();
        savedNote = row.note().strip();
        note.set(row.note());
    }

    /** No step's note is being edited. */
    void reset() {
        noteTrajectory = -1;
        notePosition = -1;
        noteStep = -1;
        savedNote = "";
        note.set("");
    }

    /** Judges the open trajectory (null clears the verdict). */
    public void saveVerdict(TrajectoryVerdict verdict, String verdictNote) {
        Trajectory t = trajectory.getValue();
        if (t == null) {
            return;
        }
        String n = verdictNote == null || verdictNote.isBlank() ? null : verdictNote.strip();
        writes.submit("verdict", () -> {
            store.verdict(t.id(), verdict, n);
            return store.get(t.id());
        }, u -> {
            listener.judged(u);
            listener.status(verdict == null ? "Verdict cleared." : "Verdict: " + verdict.name().toLowerCase(Locale.ROOT) + ".");
        }, e -> {
            listener.status("Could not save the verdict: " + Dialogs.message(e));
            listener.verdictRejected();
        });
    }

    /** The current step's note as it is being edited; {@link #saveNote()} stores it. */
    public StringProperty noteProperty() {
        return note;
    }

    /** No tag, note or verdict is being written. */
    public boolean writesIdle() {
        return writes.idle();
    }
}
