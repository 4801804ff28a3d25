package org.envforge.views.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Playback on a ticker driven by hand: where it starts, how it waits for frames, where it stops. */
class PlaybackModelTest {

    private int index = -1;
    private int count = 4;
    private boolean busy;
    private final List<Long> intervals = new ArrayList<>();
    private Runnable tick;
    private boolean ticking;

    private final PlaybackModel model = new PlaybackModel(new PlaybackModel.Cursor() {
        @Override
        public int index() {
            return index;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public void select(int position) {
            index = position;
        }

        @Override
        public boolean busy() {
            return busy;
        }
    }, new PlaybackModel.Ticker() {
        @Override
        public void start(long intervalMillis, Runnable t) {
            intervals.add(intervalMillis);
            tick = t;
            ticking = true;
        }

        @Override
        public void stop() {
            ticking = false;
        }
    });

    @Test
    void playsToTheLastStepAndStops() {
        index = 1;
        model.togglePlay();
        assertThat(model.playingProperty().get()).isTrue();
        assertThat(intervals).containsExactly(1000L);
        tick.run();
        assertThat(index).isEqualTo(2);
        busy = true;
        tick.run();
        assertThat(index).as("waits while the frame loads").isEqualTo(2);
        busy = false;
        tick.run();
        assertThat(index).isEqualTo(3);
        tick.run();
        assertThat(model.playingProperty().get()).isFalse();
        assertThat(ticking).isFalse();
        assertThat(index).isEqualTo(3);
    }

    @Test
    void playFromTheLastStepStartsAtTheFirst() {
        index = 3;
        model.play();
        assertThat(index).isZero();
        assertThat(model.playingProperty().get()).isTrue();
        model.togglePlay();
        assertThat(model.playingProperty().get()).isFalse();
        tick.run();
        assertThat(index).as("a tick after pausing does nothing").isZero();
    }

    @Test
    void nothingToPlayWithOneStepOrNone() {
        count = 1;
        model.play();
        count = 0;
        model.play();
        assertThat(model.playingProperty().get()).isFalse();
        assertThat(intervals).isEmpty();
    }

    @Test
    void speedIsClampedAndRestartsTheTicker() {
        model.speedProperty().set(42);
        assertThat(model.speedProperty().get()).isEqualTo(Playback.MAX_SPEED);
        assertThat(intervals).as("not playing: nothing restarts").isEmpty();
        index = 0;
        model.play();
        model.speedProperty().set(4);
        assertThat(intervals).containsExactly(100L, 250L);
        model.speedProperty().set(0);
        assertThat(model.speedProperty().get()).isEqualTo(Playback.MIN_SPEED);
        assertThat(intervals).endsWith(1000L);
    }
}
