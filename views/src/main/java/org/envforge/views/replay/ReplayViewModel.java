package org.envforge.views.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.envforge.service.TrajectoryService;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.trajectory.replay.ReplaySession;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * The Replay view's open trajectory and current step, and the models of its parts: the trajectory
 * list ({@link TrajectoryListModel}), the step list and filmstrip ({@link StepListModel}), the
 * screen ({@link FrameModel}), playback ({@link PlaybackModel}), the annotation panel's edits
 * ({@link AnnotationModel}) and its test-time audit ({@link DoneAuditModel}).
 *
 * <p>Opening reads the steps once (in the background) and asks for the first frame at once; lists
 * are virtualized and thumbnails are asked for by the cells that show them, so a trajectory of
 * ten thousand steps opens as fast as a short one.
 */
public final class ReplayViewModel implements AutoCloseable {

    private final TrajectoryService service;
    private final TaskRunner tasks;
    private final TrajectoryListModel list;
    private final StepListModel steps = new StepListModel();
    private final FrameModel frame;
    private final PlaybackModel playback;
    private final AnnotationModel annotations;
    private final DoneAuditModel doneAudit;

    private final ReadOnlyObjectWrapper<Trajectory> trajectory = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<StepRow> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private ReplaySession session;
    private long openGeneration;

    public ReplayViewModel(TrajectoryService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        this.list = new TrajectoryListModel(service::list, tasks);
        this.frame = new FrameModel(tasks);
        this.playback = new PlaybackModel(new PlaybackModel.Cursor() {
            @Override
            public int index() {
                return index.get();
            }

            @Override
            public int count() {
                return session == null ? 0 : steps.size();
            }

            @Override
            public void select(int position) {
                ReplayViewModel.this.select(position);
            }

            @Override
            public boolean busy() {
                return frame.loadingProperty().get();
            }
        }, PlaybackModel.Ticker.timeline());
        this.annotations = new AnnotationModel(AnnotationStore.of(service), tasks, trajectory, current, index, new Edits());
        this.doneAudit = new DoneAuditModel(new DoneAuditModel.Auditor() {
            @Override
            public TestTimeAudit audit(long id) {
                return service.audit(id, true);
            }

            @Override
            public Trajectory get(long id) {
                return service.get(id);
            }
        }, tasks, trajectory, this::updateTrajectory);
    }

    /** Lists the trajectories that pass the list's filters (in the background). */
    public void refresh() {
        list.refresh();
    }

    // Opening ------------------------------------------------------------------------------------

    /** Opens a trajectory for replay. */
    public void open(Trajectory t) {
        if (t != null) {
            open(t.id());
        }
    }

    /** Opens a trajectory by id: its steps are read in the background and its first frame is asked for at once. */
    public void open(long id) {
        open(id, 0);
    }

    /** Opens a trajectory by id at a position of its step list (clamped to the steps it has). */
    public void open(long id, int startPosition) {
        annotations.saveNote();
        playback.pause();
        long generation = ++openGeneration;
        closeSession();
        steps.clear();
        index.set(-1);
        current.set(null);
        frame.clear("Opening trajectory " + id + "\u2026");
        doneAudit.show(null);
        annotations.reset();
        opening.set(true);
        tasks.run("open trajectory " + id, () -> load(id, startPosition), o -> {
            if (generation != openGeneration) {
                o.session().close();
                return;
            }
            opening.set(false);
            session = o.session();
            Trajectory t = o.session().trajectory();
            frame.attach(session, o.rows().isEmpty() ? "This trajectory has no steps." : "Opening trajectory " + id + "\u2026");
            trajectory.set(t);
            doneAudit.show(AuditSummary.stored(t));
            steps.show(t.id(), o.rows());
            status.set("");
            if (!o.rows().isEmpty()) {
                select(Math.max(0, Math.min(startPosition, o.rows().size() - 1)));
            }
        }, e -> {
            if (generation == openGeneration) {
                opening.set(false);
                frame.clear("Cannot open trajectory " + id + ": " + Dialogs.message(e));
            }
        });
    }

    private record Opened(ReplaySession session, List<StepRow> rows) {
    }

    private Opened load(long id, int startPosition) {
        ReplaySession s = service.openReplay(id, startPosition);
        try {
            // Decoding starts now; select finds the frame cached or in flight.
            s.frame(Math.max(0, Math.min(startPosition, s.steps().size() - 1)), false);
            Map<Integer, StepAnnotation> stored = s.annotations();
            List<StepRow> rows = new ArrayList<>(s.steps().size());
            for (Step st : s.steps()) {
                rows.add(new StepRow(id, st, stored.get(st.index())));
            }
            return new Opened(s, rows);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void closeSession() {
        ReplaySession s = session;
        session = null;
        frame.detach();
        trajectory.set(null);
        if (s != null) {
            s.close();
        }
    }

    // Stepping -----------------------------------------------------------------------------------

    /** Shows the step at a position of the step list (0 is the first step). */
    public void select(int position) {
        ReplaySession s = session;
        if (s == null || position < 0 || position >= steps.size() || position == index.get()) {
            return;
        }
        annotations.saveNote();
        StepRow row = steps.get(position);
        current.set(row); // before the index: listeners on the index read the current row
        index.set(position);
        annotations.load(row, position);
        frame.show(position, OverlayMarks.of(row.step().actions(), OverlayMarks.pointerBefore(s.steps(), position)));
    }

    public void next() {
        select(index.get() + 1);
    }

    public void previous() {
        select(index.get() - 1);
    }

    public void first() {
        select(0);
    }

    public void last() {
        select(steps.size() - 1);
    }

    /** Shows the step of a row of the step list or the filmstrip. */
    public void select(StepRow row) {
        int p = positionOf(row);
        if (p >= 0) {
            select(p);
        }
    }

    /** A row's position in the whole step list, or -1. */
    public int positionOf(StepRow row) {
        return trajectory.get() == null ? -1 : steps.positionOf(row);
    }

    /**
     * Asks for a step's thumbnail; {@code whenReady} gets it on the FX thread (null when the step
     * has no screenshot, the blob is missing, or the row belongs to a trajectory no longer open).
     */
    public void thumbnail(StepRow row, Consumer<Image> whenReady) {
        frame.thumbnail(positionOf(row), whenReady);
    }

    private void updateTrajectory(Trajectory u) {
        Trajectory t = trajectory.get();
        if (t != null && t.id() == u.id()) {
            trajectory.set(u);
        }
        list.replace(u);
    }

    /** What the annotation panel's writes change in the replay. */
    private final class Edits implements AnnotationModel.Listener {

        @Override
        public void annotated(long id, int position, StepAnnotation a) {
            StepRow r = steps.annotate(id, position, a);
            if (r != null && position == index.get()) {
                current.set(r);
            }
        }

        @Override
        public void rejected(int position) {
            if (position == index.get() && position >= 0 && position < steps.size()) {
                current.set(null);
                current.set(steps.get(position));
            }
        }

        @Override
        public void judged(Trajectory t) {
            updateTrajectory(t);
        }

        @Override
        public void verdictRejected() {
            Trajectory cur = trajectory.get();
            trajectory.set(null);
            trajectory.set(cur);
        }

        @Override
        public void status(String message) {
            status.set(message);
        }
    }

    /** Stops playback and closes the open trajectory (its decoder threads end). */
    @Override
    public void close() {
        annotations.saveNote();
        playback.pause();
        ++openGeneration;
        closeSession();
    }

    // Parts and properties -----------------------------------------------------------------------

    /** The trajectory list with its search and filters. */
    public TrajectoryListModel list() {
        return list;
    }

    /** The open trajectory's steps with the step filters. */
    public StepListModel stepList() {
        return steps;
    }

    /** The screen: the current step's frame and marks. */
    public FrameModel frame() {
        return frame;
    }

    public PlaybackModel playback() {
        return playback;
    }

    /** Tags, notes and the verdict. */
    public AnnotationModel annotations() {
        return annotations;
    }

    /** The test-time audit of the open trajectory's "done". */
    public DoneAuditModel doneAudit() {
        return doneAudit;
    }

    public ReadOnlyObjectProperty<Trajectory> trajectoryProperty() {
        return trajectory.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Every step of the open trajectory. */
    public ObservableList<StepRow> steps() {
        return steps.all();
    }

    /** The position of the current step in {@link #steps()}, -1 when none. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepRow> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
