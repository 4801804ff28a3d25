package org.envforge.action;

import java.util.List;

/**
 * One GUI action an agent or an oracle takes in a sandbox. Coordinates are screen pixels. Key
 * names are canonical lower-case names (see {@link Keys}). Converts to and from Gym-Anything's
 * mouse/keyboard dicts ({@link GymAnythingActions}) and OSWorld's computer_13
 * ({@link OsworldActions}).
 */
public sealed interface Action {

    /** Mouse buttons. */
    enum Button { LEFT, MIDDLE, RIGHT }

    /** Moves the pointer. */
    record MoveTo(int x, int y) implements Action {
    }

    /** Clicks {@code count} times (1 single, 2 double, 3 triple); at (x, y) when given, else in place. */
    record Click(Integer x, Integer y, Button button, int count) implements Action {
        public Click {
            if (count < 1 || count > 3) {
                throw new IllegalArgumentException("click count must be 1 to 3, was " + count);
            }
            if ((x == null) != (y == null)) {
                throw new IllegalArgumentException("a click needs both x and y, or neither");
            }
        }

        public static Click left(int x, int y) {
            return new Click(x, y, Button.LEFT, 1);
        }
    }

    /** Presses a button without releasing it. */
    record MouseDown(Button button) implements Action {
    }

    /** Releases a button. */
    record MouseUp(Button button) implements Action {
    }

    /** Presses the left button at the first point, moves through the others, releases at the last. */
    record Drag(List<Point> path) implements Action {
        public Drag {
            path = List.copyOf(path);
            if (path.size() < 2) {
                throw new IllegalArgumentException("a drag needs at least two points");
            }
        }
    }

    /** Drags with the left button from the current pointer position to (x, y) (OSWorld DRAG_TO). */
    record DragTo(int x, int y) implements Action {
    }

    /** Scrolls by whole notches (positive dy scrolls down, positive dx right), at (x, y) when given. */
    record Scroll(Integer x, Integer y, int dx, int dy) implements Action {
    }

    /** Types text as a user would. */
    record TypeText(String text) implements Action {
    }

    /** Presses a key or a chord such as ["ctrl", "s"] (all down in order, then up in reverse). */
    record Key(List<String> keys) implements Action {
        public Key {
            keys = keys.stream().map(Keys::canonical).toList();
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a key action needs at least one key");
            }
        }

        public static Key of(String... keys) {
            return new Key(List.of(keys));
        }
    }

    /** Holds a key down. */
    record KeyDown(String key) implements Action {
        public KeyDown {
            key = Keys.canonical(key);
        }
    }

    /** Releases a key. */
    record KeyUp(String key) implements Action {
        public KeyUp {
            key = Keys.canonical(key);
        }
    }

    /** Waits. */
    record Wait(long millis) implements Action {
    }

    /**
     * Waits until a window whose title matches the regular expression is shown (an EnvForge
     * extension that makes oracles robust to slow starts), failing after the timeout.
     */
    record WaitForWindow(String titlePattern, long timeoutMillis) implements Action {
    }

    /** The agent declares the task done. */
    record Done() implements Action {
    }

    /** The agent declares the task infeasible. */
    record Fail() implements Action {
    }

    /** A screen point. */
    record Point(int x, int y) {
    }
}
