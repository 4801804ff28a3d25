package org.envforge.trajectory;

import java.util.Locale;
import org.envforge.action.Action;

/** Actions in a person's words, for step lists: "click (320, 200)", "type \"=SUM(C2:C9)\"", "keys ctrl+s". */
public final class ActionText {

    private ActionText() {
    }

    public static String of(Action a) {
        if (a == null) {
            return "(unparsed)";
        }
        if (a instanceof Action.Click c) {
            String what = c.button() == Action.Button.RIGHT ? "right-click" : c.count() == 2 ? "double-click"
                    : c.count() == 3 ? "triple-click" : "click";
            return c.x() == null ? what : String.format(Locale.ROOT, "%s (%d, %d)", what, c.x(), c.y());
        }
        if (a instanceof Action.MoveTo m) {
            return String.format(Locale.ROOT, "move (%d, %d)", m.x(), m.y());
        }
        if (a instanceof Action.Drag d) {
            return "drag " + d.path().stream().map(p -> "(" + p.x() + ", " + p.y() + ")").reduce((x, y) -> x + " -> " + y).orElse("");
        }
        if (a instanceof Action.DragTo d) {
            return String.format(Locale.ROOT, "drag to (%d, %d)", d.x(), d.y());
        }
        if (a instanceof Action.Scroll s) {
            return "scroll " + (s.dy() > 0 ? "down " + s.dy() : s.dy() < 0 ? "up " + (-s.dy()) : "")
                    + (s.dx() != 0 ? " sideways " + s.dx() : "");
        }
        if (a instanceof Action.TypeText t) {
            String text = t.text().replace("\n", "\u23ce");
            return "type \"" + (text.length() > 60 ? text.substring(0, 59) + "\u2026" : text) + "\"";
        }
        if (a instanceof Action.Key k) {
            return "keys " + String.join("+", k.keys());
        }
        if (a instanceof Action.KeyDown k) {
            return "hold " + k.key();
        }
        if (a instanceof Action.KeyUp k) {
            return "release " + k.key();
        }
        if (a instanceof Action.MouseDown d) {
            return "press " + d.button().name().toLowerCase(Locale.ROOT) + " button";
        }
        if (a instanceof Action.MouseUp u) {
            return "release " + u.button().name().toLowerCase(Locale.ROOT) + " button";
        }
        if (a instanceof Action.Wait w) {
            return "wait " + w.millis() + " ms";
        }
        if (a instanceof Action.WaitForWindow w) {
            return "wait for window \"" + w.titlePattern() + "\"";
        }
        if (a instanceof Action.Done) {
            return "done";
        }
        if (a instanceof Action.Fail) {
            return "give up";
        }
        return a.toString();
    }
}
