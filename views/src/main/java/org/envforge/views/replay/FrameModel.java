package org.envforge.views.replay;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.image.Image;
import org.envforge.trajectory.replay.Frame;
import org.envforge.trajectory.replay.ReplaySession;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * The screen pane and the filmstrip's pictures: the current step's screenshot (before or after its
 * actions) with the marks of its actions, and step thumbnails. A frame shows at once when it is
 * cached, else it is decoded in the background; at most one decode is waited for, and when it
 * arrives for a step the user has left, the current step's frame is asked for instead.
 */
public final class FrameModel {

    /** Thumbnail width in the filmstrip. */
    public static final int THUMB_WIDTH = 120;

    private final TaskRunner tasks;
    private final BooleanProperty after = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Choose a trajectory to replay it.");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<List<OverlayMark>> marks = new ReadOnlyObjectWrapper<>(List.of());
    private ReplaySession session;
    private int index = -1;
    private int direction = 1;
    private boolean fetching;
    private String shownSha;

    FrameModel(TaskRunner tasks) {
        this.tasks = tasks;
        after.addListener((o, a, b) -> show());
    }

    /** Shows nothing, with a message (a trajectory is opening, or could not be opened). */
    void clear(String why) {
        session = null;
        index = -1;
        fetching = false;
        shownSha = null;
        loading.set(false);
        marks.set(List.of());
        image.set(null);
        message.set(why);
    }

    /** The frames come from this session from now on; nothing shows until a step is. */
    void attach(ReplaySession s, String why) {
        clear(why);
        session = s;
    }

    /** Forgets the session (it is closing): a decode that arrives later is dropped. */
    void detach() {
        session = null;
        fetching = false;
    }

    /** Shows the step at a position, reached going forwards or backwards (prefetching goes on that way). */
    void show(int position, List<OverlayMark> stepMarks) {
        direction = position >= index ? 1 : -1;
        index = position;
        marks.set(stepMarks);
        show();
    }

    /** Shows the current step's frame: at once when cached, else when decoded (a stale result is dropped). */
    private void show() {
        ReplaySession s = session;
        int i = index;
        if (s == null || i < 0) {
            return;
        }
        boolean aft = after.get();
        Optional<String> sha = s.shot(i, aft);
        if (sha.isEmpty()) {
            loading.set(false);
            image.set(null);
            shownSha = null;
            message.set(aft ? "No screenshot after this step." : "No screenshot for this step.");
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
            message.set("Loading the screenshot\u2026");
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
            if (i != index || aft != after.get()) {
                show(); // the user moved on: ask for the step shown now
                return;
            }
            loading.set(false);
            if (e != null) {
                image.set(null);
                shownSha = null;
                message.set("Cannot read the screenshot " + shortSha(sha) + ": " + Dialogs.message(e));
            } else if (d.image() == null) {
                image.set(null);
                shownSha = null;
                message.set("The screenshot " + shortSha(sha) + " is missing from the blob store.");
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
        message.set("");
    }

    private void prefetch(ReplaySession s, int i) {
        try {
            s.prefetchAround(i, direction);
        } catch (RuntimeException e) {
            // the session is closing
        }
    }

    static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    /**
     * Asks for the thumbnail of the step at a position; {@code whenReady} gets it on the FX thread
     * (null when there is no such step, it has no screenshot, or the blob is missing).
     */
    void thumbnail(int position, Consumer<Image> whenReady) {
        ReplaySession s = session;
        if (s == null || position < 0) {
            whenReady.accept(null);
            return;
        }
        CompletableFuture<Frame> f;
        try {
            f = s.thumbnail(position, THUMB_WIDTH);
        } catch (RuntimeException e) {
            whenReady.accept(null);
            return;
        }
        f.thenApply(FrameImages::toImage).whenComplete((img, e) -> tasks.onUi(() -> whenReady.accept(e == null ? img : null)));
    }

    /** Show the screen after the step's actions instead of before. */
    public BooleanProperty afterProperty() {
        return after;
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** Why there is no picture (no screenshot, missing blob, loading), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The current step's actions as marks on the screen. */
    public ReadOnlyObjectProperty<List<OverlayMark>> marksProperty() {
        return marks.getReadOnlyProperty();
    }
}
