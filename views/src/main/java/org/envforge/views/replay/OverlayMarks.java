package org.envforge.views.replay;

import java.util.ArrayList;
import java.util.List;
import org.envforge.action.Action;
import org.envforge.trajectory.ActionText;
import org.envforge.trajectory.Step;

/**
 * What to draw for a step's actions. Steps whose actions were not parsed draw nothing (their
 * native text is shown beside the screen). The pointer is followed through the actions, so a
 * click "in place", a drag from the pointer or typed text are drawn where they happened.
 */
public final class OverlayMarks {

    /** How far back to look for where the pointer was. */
    static final int POINTER_LOOKBACK = 200;
    private static final int MAX_TYPED = 80;

    private OverlayMarks() {
    }

    /**
     * @param pointer where the pointer was before the actions, or null when unknown
     */
    public static List<OverlayMark> of(List<Action> actions, Action.Point pointer) {
        List<OverlayMark> out = new ArrayList<>();
        Action.Point at = pointer;
        for (Action a : actions) {
            if (a instanceof Action.Click c) {
                Action.Point p = c.x() != null ? new Action.Point(c.x(), c.y()) : at;
                if (p == null) {
                    out.add(new OverlayMark.Keys(ActionText.of(a)));
                } else {
                    out.add(new OverlayMark.Click(p.x(), p.y(), c.button(), c.count()));
                    at = p;
                }
            } else if (a instanceof Action.MoveTo m) {
                at = new Action.Point(m.x(), m.y());
                out.add(new OverlayMark.Move(m.x(), m.y()));
            } else if (a instanceof Action.Drag d) {
                out.add(new OverlayMark.Drag(d.path()));
                at = d.path().get(d.path().size() - 1);
            } else if (a instanceof Action.DragTo d) {
                Action.Point to = new Action.Point(d.x(), d.y());
                out.add(new OverlayMark.Drag(at == null ? List.of(to) : List.of(at, to)));
                at = to;
            } else if (a instanceof Action.Scroll s) {
                Action.Point p = s.x() != null && s.y() != null ? new Action.Point(s.x(), s.y()) : at;
                out.add(new OverlayMark.Scroll(p, s.dx(), s.dy()));
                at = p;
            } else if (a instanceof Action.TypeText t) {
                out.add(new OverlayMark.Typed(typed(t.text()), at));
            } else if (a instanceof Action.Key k) {
                out.add(new OverlayMark.Keys(String.join(" + ", k.keys())));
            } else if (a instanceof Action.Done) {
                out.add(new OverlayMark.End(true));
            } else if (a instanceof Action.Fail) {
                out.add(new OverlayMark.End(false));
            } else {
                // key down/up, mouse down/up, waits: a label, in a person's words
                out.add(new OverlayMark.Keys(ActionText.of(a)));
            }
        }
        return out;
    }

    /** Where the pointer is after the actions (or {@code pointer} when they do not move it). */
    public static Action.Point pointerAfter(List<Action> actions, Action.Point pointer) {
        Action.Point at = pointer;
        for (Action a : actions) {
            if (a instanceof Action.Click c && c.x() != null) {
                at = new Action.Point(c.x(), c.y());
            } else if (a instanceof Action.MoveTo m) {
                at = new Action.Point(m.x(), m.y());
            } else if (a instanceof Action.Drag d) {
                at = d.path().get(d.path().size() - 1);
            } else if (a instanceof Action.DragTo d) {
                at = new Action.Point(d.x(), d.y());
            } else if (a instanceof Action.Scroll s && s.x() != null && s.y() != null) {
                at = new Action.Point(s.x(), s.y());
            }
        }
        return at;
    }

    /** Where the pointer was before step {@code index}: the last position the earlier steps left it at. */
    public static Action.Point pointerBefore(List<Step> steps, int index) {
        for (int i = Math.min(index, steps.size()) - 1; i >= 0 && i >= index - POINTER_LOOKBACK; i--) {
            Action.Point p = pointerAfter(steps.get(i).actions(), null);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    static String typed(String text) {
        String t = text.replace("\r\n", "\n").replace("\n", "\u23ce").replace("\t", "\u21e5");
        return t.length() > MAX_TYPED ? t.substring(0, MAX_TYPED - 1) + "\u2026" : t;
    }
}
