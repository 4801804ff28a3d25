package org.envforge.views.replay;

import java.util.List;
import org.envforge.action.Action;

/** Something the overlay draws on a step's screenshot; coordinates are screen pixels. */
public sealed interface OverlayMark {

    /** A click: a ring with a crosshair; more rings for double and triple clicks, another colour for right clicks. */
    record Click(int x, int y, Action.Button button, int count) implements OverlayMark {
    }

    /** The pointer moved here. */
    record Move(int x, int y) implements OverlayMark {
    }

    /** A drag along a path (an arrow at its end); one point when the start is unknown. */
    record Drag(List<Action.Point> path) implements OverlayMark {
        public Drag {
            path = List.copyOf(path);
        }
    }

    /** A scroll at a point, or in the middle of the screen when {@code at} is null; positive dy is down. */
    record Scroll(Action.Point at, int dx, int dy) implements OverlayMark {
    }

    /** Typed text, captioned near {@code near} (the last click), or at the bottom when null. */
    record Typed(String text, Action.Point near) implements OverlayMark {
    }

    /** A key-cap label: "ctrl + s", "hold shift", "wait 500 ms". */
    record Keys(String label) implements OverlayMark {
    }

    /** The agent said it was done, or gave up. */
    record End(boolean done) implements OverlayMark {
    }
}
