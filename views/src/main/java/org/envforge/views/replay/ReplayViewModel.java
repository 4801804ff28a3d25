package org.envforge.views.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.image.Image;
import javafx.util.Duration;
import org.envforge.service.TrajectoryService;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryFilter;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.trajectory.io.GymAnythingEpisodes;
import org.envforge.trajectory.io.OsworldTrajectories;
import org.envforge.trajectory.replay.Frame;
import org.envforge.trajectory.replay.ReplaySession;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * State and actions of the Replay view: find trajectories, open one, step and play through it
 * with its screenshots and actions, tag and note steps, judge the run and audit its "done".
 *
 * <p>Opening reads the steps once (in the background) and asks for the first frame at once; lists
 * are virtualized and thumbnails are asked for by the cells that show them, so a trajectory of
 * ten thousand steps opens as fast as a short one. A step's frame shows at once when it is cached,
 * else it is decoded in the background; at most one decode is waited for, and when it arrives for
 * a step the user has left, the current step's frame is asked for instead. Writes (tags, notes,
 * verdicts) run one after another in the background.
 */
public final class ReplayViewModel implements AutoCloseable {

    /** "All" in the filter choices. */
    public static final String ANY = "All";
    /** Sources a trajectory comes from. */
    public static final List<String> SOURCES = List.of(ANY, "envforge", OsworldTrajectories.FORMAT, GymAnythingEpisodes.FORMAT);
    /** TrajectoryVerdict filter choices. */
    public static final List<String> VERDICTS = List.of(ANY, "good", "bad", "unsure");
    /** Thumbnail width in the filmstrip. */
    public static final int THUMB_WIDTH = 120;

    private final TrajectoryService service;
    private final TaskRunner tasks;
    private final WriteQueue writes;

    // The list of trajectories.
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty tagFilter = new SimpleStringProperty(ANY);
    private final StringProperty verdictFilter = new SimpleStringProperty(ANY);
    private final StringProperty sourceFilter = new SimpleStringProperty(ANY);
    private final ObservableList<Trajectory> trajectories = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper listMessage = new ReadOnlyStringWrapper("");
    private long refreshGeneration;

    // The open trajectory.
    private final ReadOnlyObjectWrapper<Trajectory> trajectory = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    // One wrapper for every caller: a wrapper listens to rows weakly, so listeners on a throwaway one are lost.
    private final ObservableList<StepRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<StepRow> visibleRows = new FilteredList<>(rows);
    private final BooleanProperty failedOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty taggedOnly = new SimpleBooleanProperty(false);
    private final StringProperty stepTag = new SimpleStringProperty(ANY);
    private final ObservableList<String> tagChoices = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<StepRow> current = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty after = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper frameMessage = new ReadOnlyStringWrapper("Choose a trajectory to replay it.");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<List<OverlayMark>> marks = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private ReplaySession session;
    private long openGeneration;
    private int direction = 1;
    private boolean fetching;
    private String shownSha;

    // Playback.
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty speed = new SimpleIntegerProperty(1);
    private Timeline timeline;

    // The note being edited, and the step it belongs to.
    private final StringProperty note = new SimpleStringProperty("");
    private long noteTrajectory = -1;
    private int notePosition = -1;
    private int noteStep = -1;
    private String savedNote = "";

    // The test-time audit.
    private final ReadOnlyObjectWrapper<TestTimeAudit> audit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper auditing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper auditMessage = new ReadOnlyStringWrapper("");

    public ReplayViewModel(TrajectoryService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        this.writes = new WriteQueue(tasks);
        search.addListener((o, a, b) -> refresh());
        tagFilter.addListener((o, a, b) -> refresh());
        verdictFilter.addListener((o, a, b) -> refresh());
        sourceFilter.addListener((o, a, b) -> refresh());
        failedOnly.addListener((o, a, b) -> updateStepFilter());
        taggedOnly.addListener((o, a, b) -> updateStepFilter());
        stepTag.addListener((o, a, b) -> updateStepFilter());
        after.addListener((o, a, b) -> showFrame());
        speed.addListener((o, a, b) -> {
            int s = Playback.clampSpeed(b.intValue());
            if (s != b.intValue()) {
                speed.set(s);
            } else if (playing.get()) {
                startTimeline();
            }
        });
        updateTagChoices();
    }

    // Listing ------------------------------------------------------------------------------------

    private TrajectoryFilter filter() {
        TrajectoryFilter f = TrajectoryFilter.all().withText(search.get() == null ? null : search.get().strip());
        String tag = choice(tagFilter.get());
        String verdict = choice(verdictFilter.get());
        String source = choice(sourceFilter.get());
        return f.withTag(tag).withSource(source)
                .withVerdict(verdict == null ? null : TrajectoryVerdict.valueOf(verdict.toUpperCase(Locale.ROOT)));
    }

    private static String choice(String s) {
        return s == null || s.isBlank() || s.equals(ANY) ? null : s;
    }

    /** Lists the trajectories that pass the filters (in the background). */
    public void refresh() {
        TrajectoryFilter f = filter();
        long generation = ++refreshGeneration;
        tasks.run("list trajectories", () -> service.list(f), list -> {
            if (generation != refreshGeneration) {
                return; // a newer listing is on its way
            }
            trajectories.setAll(list);
            listMessage.set(list.size() == 1 ? "1 trajectory" : String.format(Locale.ROOT, "%,d trajectories", list.size()));
        }, e -> listMessage.set("Could not list trajectories: " + Dialogs.message(e)));
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
        saveNote();
        pause();
        long generation = ++openGeneration;
        closeSession();
        rows.clear();
        index.set(-1);
        current.set(null);
        marks.set(List.of());
        image.set(null);
        shownSha = null;
        audit.set(null);
        auditMessage.set("");
        resetNote();
        opening.set(true);
        frameMessage.set("Opening trajectory " + id + "\u2026");
        tasks.run("open trajectory " + id, () -> load(id, startPosition), o -> {
            if (generation != openGeneration) {
                o.session().close();
                return;
            }
            opening.set(false);
            session = o.session();
            trajectory.set(o.session().trajectory());
            audit.set(AuditSummary.stored(o.session().trajectory()));
            rows.setAll(o.rows());
            updateTagChoices();
            status.set("");
            if (rows.isEmpty()) {
                frameMessage.set("This trajectory has no steps.");
            } else {
                select(Math.max(0, Math.min(startPosition, rows.size() - 1)));
            }
        }, e -> {
            if (generation == openGeneration) {
                opening.set(false);
                frameMessage.set("Cannot open trajectory " + id + ": " + Dialogs.message(e));
            }
        });
    }

    private record Opened(ReplaySession session, List<StepRow> rows) {
    }

    private Opened load(long id, int startPosition) {
        ReplaySession s = service.openReplay(id, startPosition);
        try {
            s.frame(Math.max(0, Math.min(startPosition, s.steps().size() - 1)), false); // decoding starts now; select finds it cached or in flight
            Map<Integer, StepAnnotation> annotations = s.annotations();
            List<StepRow> list = new ArrayList<>(s.steps().size());
            for (Step st : s.steps()) {
                list.add(new StepRow(id, st, annotations.get(st.index())));
            }
            return new Opened(s, list);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void closeSession() {
        ReplaySession s = session;
        session = null;
        fetching = false;
        trajectory.set(null);
        if (s != null) {
            s.close();
        }
    }

    // Stepping -----------------------------------------------------------------------------------

    /** Shows the step at a position of the step list (0 is the first step). */
    public void select(int position) {
        ReplaySession s = session;
        if (s == null || position < 0 || position >= rows.size() || position == index.get()) {
            return;
        }
        saveNote();
        direction = position >= index.get() ? 1 : -1;
        StepRow row = rows.get(position);
        current.set(row); // before the index: listeners on the index read the current row
        index.set(position);
        loadNote(row, position);
        marks.set(OverlayMarks.of(row.step().actions(), OverlayMarks.pointerBefore(s.steps(), position)));
        showFrame();
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
        select(rows.size() - 1);
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
        if (row == null || trajectory.get() == null || row.trajectory() != trajectory.get().id()) {
            return -1;
        }
        int p = row.index();
        if (p >= 0 && p < rows.size() && rows.get(p).index() == p) {
            return p;
        }
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = rows.get(mid).index();
            if (v < row.index()) {
                lo = mid + 1;
            } else if (v > row.index()) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Shows the current step's frame: at once when cached, else when decoded (a stale result is dropped). */
    private void showFrame() {
        ReplaySession s = session;
        int i = index.get();
        if (s == null || i < 0) {
            return;
        }
        boolean aft = after.get();
        Optional<String> sha = s.shot(i, aft);
        if (sha.isEmpty()) {
            loading.set(false);
            image.set(null);
            shownSha = null;
            frameMessage.set(aft ? "No screenshot after this step." : "No screenshot for this step.");
            prefetch(s, i);
            return;
        }
        if (sha.get().equals(shownSha) && image.get() != null) {
            loading.set(false);
            prefetch(s, i);
            return;
        }
        Optional<Frame> cached = s.cached(i, aft);
        if (cached.isPresent()) {
            Image img = FrameImages.toImage(cached.get());
            if (img != null) {
                show(sha.get(), img);
                prefetch(s, i);
                return;
            }
        }
        loading.set(true);
        if (image.get() == null) {
            frameMessage.set("Loading the screenshot\u2026");
        }
        if (!fetching) {
            fetch(s, i, aft, sha.get());
        }
    }

    private record Decoded(Image image) {
    }

    private void fetch(ReplaySession s, int i, boolean aft, String sha) {
        fetching = true;
        CompletableFuture<Frame> f;
        try {
            f = s.frame(i, aft);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.thenApply(frame -> new Decoded(FrameImages.toImage(frame))).whenComplete((d, e) -> tasks.onUi(() -> {
            if (s != session) {
                return; // another trajectory is open now
            }
            fetching = false;
            if (i != index.get() || aft != after.get()) {
                showFrame(); // the user moved on: ask for the step shown now
                return;
            }
            loading.set(false);
            if (e != null) {
                image.set(null);
                shownSha = null;
                frameMessage.set("Cannot read the screenshot " + shortSha(sha) + ": " + Dialogs.message(e));
            } else if (d.image() == null) {
                image.set(null);
                shownSha = null;
                frameMessage.set("The screenshot " + shortSha(sha) + " is missing from the blob store.");
            } else {
                show(sha, d.image());
                prefetch(s, i);
            }
        }));
    }

    private void show(String sha, Image img) {
        loading.set(false);
        shownSha = sha;
        image.set(img);
        frameMessage.set("");
    }

    private void prefetch(ReplaySession s, int i) {
        try {
            s.prefetchAround(i, direction);
        } catch (RuntimeException e) {
            // the session is closing
        }
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    /**
     * Asks for a step's thumbnail; {@code whenReady} gets it on the FX thread (null when the step
     * has no screenshot, the blob is missing, or the row belongs to a trajectory no longer open).
     */
    public void thumbnail(StepRow row, Consumer<Image> whenReady) {
        ReplaySession s = session;
        int p = positionOf(row);
        if (s == null || p < 0) {
            whenReady.accept(null);
            return;
        }
        CompletableFuture<Frame> f;
        try {
            f = s.thumbnail(p, THUMB_WIDTH);
        } catch (RuntimeException e) {
            whenReady.accept(null);
            return;
        }
        f.thenApply(FrameImages::toImage).whenComplete((img, e) -> tasks.onUi(() -> whenReady.accept(e == null ? img : null)));
    }

    // Step filters -------------------------------------------------------------------------------

    private void updateStepFilter() {
        boolean failed = failedOnly.get();
        boolean tagged = taggedOnly.get();
        String tag = choice(stepTag.get());
        Predicate<StepRow> p = r -> (!failed || r.failed()) && (!tagged || r.tagged()) && (tag == null || r.tags().contains(tag));
        visibleRows.setPredicate(!failed && !tagged && tag == null ? null : p);
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
        next.add(ANY);
        next.addAll(StepAnnotation.COMMON_TAGS);
        next.addAll(extra);
        if (!tagChoices.equals(next)) {
            tagChoices.setAll(next);
        }
    }

    // Playback -----------------------------------------------------------------------------------

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Plays from the current step (from the first when at the last), {@link Playback} steps a second. */
    public void play() {
        int start = Playback.start(index.get(), rows.size());
        if (session == null || start < 0) {
            return;
        }
        select(start);
        playing.set(true);
        startTimeline();
    }

    public void pause() {
        playing.set(false);
        if (timeline != null) {
            timeline.stop();
        }
    }

    private void startTimeline() {
        if (timeline == null) {
            timeline = new Timeline();
            timeline.setCycleCount(Animation.INDEFINITE);
        }
        timeline.stop();
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.millis(Playback.intervalMillis(speed.get())), e -> tick()));
        timeline.playFromStart();
    }

    /** One playback step; waits while the current frame is still loading, so playing never outruns decoding. */
    private void tick() {
        if (!playing.get() || loading.get()) {
            return;
        }
        int n = Playback.next(index.get(), rows.size());
        if (n < 0) {
            pause();
        } else {
            select(n);
        }
    }

    // Annotations --------------------------------------------------------------------------------

    private static String normalTag(String tag) {
        return tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
    }

    /** Tags or untags the current step (stored in the background, in order). */
    public void setTag(String tag, boolean on) {
        StepRow row = current.get();
        String t = normalTag(tag);
        if (row == null || t.isEmpty() || row.tags().contains(t) == on) {
            return;
        }
        long id = row.trajectory();
        int step = row.step().index();
        int position = index.get();
        writes.submit(on ? "tag" : "untag", () -> {
            if (on) {
                service.tag(id, step, t);
            } else {
                service.untag(id, step, t);
            }
            return Optional.ofNullable(service.annotations(id).get(step));
        }, a -> {
            updateRow(id, position, a.orElse(null));
            status.set((on ? "Tagged step " : "Untagged step ") + step + " \u201c" + t + "\u201d.");
        }, e -> {
            status.set("Could not " + (on ? "tag" : "untag") + " step " + step + ": " + Dialogs.message(e));
            refreshCurrent(position);
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
            service.note(id, step, text);
            return Optional.ofNullable(service.annotations(id).get(step));
        }, a -> {
            updateRow(id, position, a.orElse(null));
            status.set(text.isEmpty() ? "Note removed from step " + step + "." : "Note saved for step " + step + ".");
        }, e -> status.set("Could not save the note of step " + step + ": " + Dialogs.message(e)));
    }

    private void loadNote(StepRow row, int position) {
        noteTrajectory = row.trajectory();
        notePosition = position;
        noteStep = row.step().index();
        savedNote = row.note().strip();
        note.set(row.note());
    }

    private void resetNote() {
        noteTrajectory = -1;
        notePosition = -1;
        noteStep = -1;
        savedNote = "";
        note.set("");
    }

    private void updateRow(long id, int position, StepAnnotation a) {
        Trajectory t = trajectory.get();
        if (t == null || t.id() != id || position < 0 || position >= rows.size()) {
            return;
        }
        StepRow r = rows.get(position).with(a);
        rows.set(position, r);
        if (position == index.get()) {
            current.set(r);
        }
        updateTagChoices();
    }

    /** Shows the current row again (controls that ran ahead of a failed write go back). */
    private void refreshCurrent(int position) {
        if (position == index.get() && position >= 0 && position < rows.size()) {
            current.set(null);
            current.set(rows.get(position));
        }
    }

    /** Judges the open trajectory (null clears the verdict). */
    public void saveVerdict(TrajectoryVerdict verdict, String verdictNote) {
        Trajectory t = trajectory.get();
        if (t == null) {
            return;
        }
        String n = verdictNote == null || verdictNote.isBlank() ? null : verdictNote.strip();
        writes.submit("verdict", () -> {
            service.verdict(t.id(), verdict, n);
            return service.get(t.id());
        }, u -> {
            updateTrajectory(u);
            status.set(verdict == null ? "Verdict cleared." : "Verdict: " + verdict.name().toLowerCase(Locale.ROOT) + ".");
        }, e -> {
            status.set("Could not save the verdict: " + Dialogs.message(e));
            Trajectory cur = trajectory.get();
            trajectory.set(null);
            trajectory.set(cur);
        });
    }

    private void updateTrajectory(Trajectory u) {
        Trajectory t = trajectory.get();
        if (t != null && t.id() == u.id()) {
            trajectory.set(u);
        }
        for (int i = 0; i < trajectories.size(); i++) {
            if (trajectories.get(i).id() == u.id()) {
                trajectories.set(i, u);
            }
        }
    }

    // Test-time audit ----------------------------------------------------------------------------

    /**
     * Audits the open trajectory's "done" in the background: replayed in a fresh sandbox when the
     * task can run there, else from the final screenshot. The result is stored and shown.
     */
    public void auditDone() {
        Trajectory t = trajectory.get();
        if (t == null || auditing.get()) {
            return;
        }
        auditing.set(true);
        auditMessage.set("Auditing\u2026 (the steps are replayed in a fresh sandbox when EnvForge can run the task)");
        tasks.run("audit trajectory " + t.id(), () -> {
            TestTimeAudit a = service.audit(t.id(), true);
            return new Audited(a, service.get(t.id()));
        }, r -> {
            auditing.set(false);
            Trajectory cur = trajectory.get();
            if (cur != null && cur.id() == t.id()) {
                audit.set(r.audit());
                auditMessage.set("");
            }
            updateTrajectory(r.trajectory());
        }, e -> {
            auditing.set(false);
            auditMessage.set("Audit failed: " + Dialogs.message(e));
        });
    }

    private record Audited(TestTimeAudit audit, Trajectory trajectory) {
    }

    /** Stops playback and closes the open trajectory (its decoder threads end). */
    @Override
    public void close() {
        saveNote();
        pause();
        ++openGeneration;
        closeSession();
    }

    // Properties ---------------------------------------------------------------------------------

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

    public ReadOnlyStringProperty listMessageProperty() {
        return listMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Trajectory> trajectoryProperty() {
        return trajectory.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Every step of the open trajectory (for the filmstrip and the scrubber). */
    public ObservableList<StepRow> steps() {
        return readOnlyRows;
    }

    /** The steps that pass the step filters (for the step list). */
    public ObservableList<StepRow> visibleSteps() {
        return visibleRows;
    }

    public BooleanProperty failedOnlyProperty() {
        return failedOnly;
    }

    public BooleanProperty taggedOnlyProperty() {
        return taggedOnly;
    }

    public StringProperty stepTagProperty() {
        return stepTag;
    }

    /** "All", the common tags, then the other tags used in the open trajectory. */
    public ObservableList<String> tagChoices() {
        return tagChoices;
    }

    /** The position of the current step in {@link #steps()}, -1 when none. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepRow> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Show the screen after the step's actions instead of before. */
    public BooleanProperty afterProperty() {
        return after;
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** Why there is no picture (no screenshot, missing blob, loading), or empty. */
    public ReadOnlyStringProperty frameMessageProperty() {
        return frameMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<OverlayMark>> marksProperty() {
        return marks.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Playback speed, 1x to 10x. */
    public IntegerProperty speedProperty() {
        return speed;
    }

    /** The current step's note as it is being edited; {@link #saveNote()} stores it. */
    public StringProperty noteProperty() {
        return note;
    }

    /** The newest test-time audit of the open trajectory (stored, or just run), or null. */
    public ReadOnlyObjectProperty<TestTimeAudit> auditProperty() {
        return audit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty auditingProperty() {
        return auditing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty auditMessageProperty() {
        return auditMessage.getReadOnlyProperty();
    }

    /** No tag, note or verdict is being written. */
    public boolean writesIdle() {
        return writes.idle();
    }
}
