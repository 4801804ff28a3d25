package org.envforge.runtime;

import java.util.ArrayList;
import java.util.List;
import org.envforge.action.Action;
import org.envforge.action.Keys;

/** Turns actions into xdotool command lines (one process per action). */
public final class XdotoolCommands {

    private XdotoolCommands() {
    }

    /** The xdotool arguments for an action, or an empty list for actions xdotool does not do. */
    /** Performs a mouse or keyboard action with xdotool through {@code run}; actions with nothing to do on screen do nothing. */
    public static void perform(Action a, CommandRunner run) {
        List<String> cmd = args(a);
        if (!cmd.isEmpty()) {
            run.run(cmd, java.time.Duration.ofSeconds(60)).orThrow("xdotool " + cmd.get(1));
        }
    }

    public static List<String> args(Action a) {
        List<String> c = new ArrayList<>(List.of("xdotool"));
        if (a instanceof Action.MoveTo m) {
            c.addAll(List.of("mousemove", str(m.x()), str(m.y())));
        } else if (a instanceof Action.Click k) {
            if (k.x() != null) {
                c.addAll(List.of("mousemove", str(k.x()), str(k.y())));
            }
            c.addAll(List.of("click", "--repeat", str(k.count()), "--delay", "60", button(k.button())));
        } else if (a instanceof Action.MouseDown d) {
            c.addAll(List.of("mousedown", button(d.button())));
        } else if (a instanceof Action.MouseUp u) {
            c.addAll(List.of("mouseup", button(u.button())));
        } else if (a instanceof Action.Drag d) {
            Action.Point first = d.path().get(0);
            c.addAll(List.of("mousemove", str(first.x()), str(first.y()), "mousedown", "1", "sleep", "0.05"));
            for (int i = 1; i < d.path().size(); i++) {
                Action.Point p = d.path().get(i);
                c.addAll(List.of("mousemove", str(p.x()), str(p.y()), "sleep", "0.05"));
            }
            c.addAll(List.of("mouseup", "1"));
        } else if (a instanceof Action.DragTo d) {
            c.addAll(List.of("mousedown", "1", "sleep", "0.05", "mousemove", str(d.x()), str(d.y()), "sleep", "0.05", "mouseup", "1"));
        } else if (a instanceof Action.Scroll s) {
            if (s.x() != null) {
                c.addAll(List.of("mousemove", str(s.x()), str(s.y())));
            }
            if (s.dy() != 0) {
                c.addAll(List.of("click", "--repeat", str(Math.abs(s.dy())), "--delay", "20", s.dy() > 0 ? "5" : "4"));
            }
            if (s.dx() != 0) {
                c.addAll(List.of("click", "--repeat", str(Math.abs(s.dx())), "--delay", "20", s.dx() > 0 ? "7" : "6"));
            }
        } else if (a instanceof Action.TypeText t) {
            c.addAll(List.of("type", "--delay", "8", "--clearmodifiers", "--", t.text()));
        } else if (a instanceof Action.Key k) {
            c.addAll(List.of("key", "--clearmodifiers", String.join("+", k.keys().stream().map(Keys::keysym).toList())));
        } else if (a instanceof Action.KeyDown d) {
            c.addAll(List.of("keydown", Keys.keysym(d.key())));
        } else if (a instanceof Action.KeyUp u) {
            c.addAll(List.of("keyup", Keys.keysym(u.key())));
        } else {
            return List.of();
        }
        return c;
    }

    private static String button(Action.Button b) {
        return switch (b) {
            case LEFT -> "1";
            case MIDDLE -> "2";
            case RIGHT -> "3";
        };
    }

    private static String str(int i) {
        return Integer.toString(i);
    }
}
