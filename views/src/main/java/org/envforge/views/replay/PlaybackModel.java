package org.envforge.views.replay;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.util.Duration;

/**
 * Playback of the open trajectory (the play button and the speed box): steps at the chosen speed
 * ({@link Playback}), waits while the current frame loads, stops at the last step.
 */
public final class PlaybackModel {

    /** What playback moves through: the replay's current step. */
    interface Cursor {

        /** The current position, -1 when none. */
        int index();

        /** How many steps there are. */
        int count();

        /** Shows the step at a position. */
        void select(int position);

        /** The current step's frame is still loading. */
        boolean busy();
    }

    /** Calls a tick at a fixed interval until stopped (a JavaFX timeline in the workbench; by hand in tests). */
    interface Ticker {

        void start(long intervalMillis, Runnable tick);

        void stop();

        /** A ticker on a JavaFX {@link Timeline} (made on first start: it needs the toolkit). */
        static Ticker timeline() {
            return new Ticker() {
                private Timeline timeline;

                @Override
                public void start(long intervalMillis, Runnable tick) {
                    if (timeline == null) {
                        timeline = new Timeline();
                        timeline.setCycleCount(Animation.INDEFINITE);
                    }
                    timeline.stop();
                    timeline.getKeyFrames().setAll(new KeyFrame(Duration.millis(intervalMillis), e -> tick.run()));
                    timeline.playFromStart();
                }

                @Override
                public void stop() {
                    if (timeline != null) {
                        timeline.stop();
                    }
                }
            };
        }
    }

    private final Cursor cursor;
    private final Ticker ticker;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty speed = new SimpleIntegerProperty(1);

    PlaybackModel(Cursor cursor, Ticker ticker) {
        this.cursor = cursor;
        this.ticker = ticker;
        speed.addListener((o, a, b) -> {
            int s = Playback.clampSpeed(b.intValue());
            if (s != b.intValue()) {
                speed.set(s);
            } else if (playing.get()) {
                start();
            }
        });
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Plays from the current step (from the first when at the last), {@link Playback} steps a second. */
    public void play() {
        int from = Playback.start(cursor.index(), cursor.count());
        if (from < 0) {
            return;
        }
        cursor.select(from);
        playing.set(true);
        start();
    }

    public void pause() {
        playing.set(false);
        ticker.stop();
    }

    private void start() {
        ticker.start(Playback.intervalMillis(speed.get()), this::tick);
    }

    /** One playback step; waits while the current frame is still loading, so playing never outruns decoding. */
    void tick() {
        if (!playing.get() || cursor.busy()) {
            return;
        }
        int n = Playback.next(cursor.index(), cursor.count());
        if (n < 0) {
            pause();
        } else {
            cursor.select(n);
        }
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Playback speed, 1x to 10x. */
    public IntegerProperty speedProperty() {
        return speed;
    }
}
