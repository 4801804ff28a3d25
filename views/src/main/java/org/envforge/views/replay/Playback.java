package org.envforge.views.replay;

/**
 * The arithmetic of playback: one step a second at 1x, up to ten a second at 10x; playing stops
 * at the last step, and play from the last step starts again at the first.
 */
public final class Playback {

    public static final int MIN_SPEED = 1;
    public static final int MAX_SPEED = 10;
    /** How long a step shows at 1x. */
    public static final long BASE_MILLIS = 1000;

    private Playback() {
    }

    /** The speed within 1x..10x. */
    public static int clampSpeed(int speed) {
        return Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed));
    }

    /** How long each step shows at a speed. */
    public static long intervalMillis(int speed) {
        return Math.round((double) BASE_MILLIS / clampSpeed(speed));
    }

    /** The step after {@code index} of {@code count}, or -1 when playing should stop. */
    public static int next(int index, int count) {
        return index + 1 < count ? index + 1 : -1;
    }

    /** Where "play" starts from: the current step, or the first after the end; -1 when there is nothing to play. */
    public static int start(int index, int count) {
        if (count <= 1) {
            return -1;
        }
        return index < 0 || index >= count - 1 ? 0 : index;
    }
}
