package org.envforge.views.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.envforge.action.Action;

/** Turns JavaFX key events on the live screen into sandbox actions. */
final class KeyMapping {

    private static final Map<KeyCode, String> SPECIAL = Map.ofEntries(Map.entry(KeyCode.ENTER, "enter"),
            Map.entry(KeyCode.BACK_SPACE, "backspace"), Map.entry(KeyCode.TAB, "tab"), Map.entry(KeyCode.ESCAPE, "esc"),
            Map.entry(KeyCode.DELETE, "delete"), Map.entry(KeyCode.INSERT, "insert"), Map.entry(KeyCode.HOME, "home"),
            Map.entry(KeyCode.END, "end"), Map.entry(KeyCode.PAGE_UP, "pageup"), Map.entry(KeyCode.PAGE_DOWN, "pagedown"),
            Map.entry(KeyCode.UP, "up"), Map.entry(KeyCode.DOWN, "down"), Map.entry(KeyCode.LEFT, "left"),
            Map.entry(KeyCode.RIGHT, "right"), Map.entry(KeyCode.F1, "f1"), Map.entry(KeyCode.F2, "f2"), Map.entry(KeyCode.F3, "f3"),
            Map.entry(KeyCode.F4, "f4"), Map.entry(KeyCode.F5, "f5"), Map.entry(KeyCode.F6, "f6"), Map.entry(KeyCode.F7, "f7"),
            Map.entry(KeyCode.F8, "f8"), Map.entry(KeyCode.F9, "f9"), Map.entry(KeyCode.F10, "f10"), Map.entry(KeyCode.F11, "f11"),
            Map.entry(KeyCode.F12, "f12"));

    private KeyMapping() {
    }

    /** A key press that is a special key or a shortcut (Ctrl/Alt with a key) as a Key action. */
    static Optional<Action> pressed(KeyEvent e) {
        String special = SPECIAL.get(e.getCode());
        boolean shortcut = (e.isControlDown() || e.isAltDown() || e.isMetaDown()) && (e.getCode().isLetterKey()
                || e.getCode().isDigitKey());
        if (special == null && !shortcut) {
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>();
        if (e.isControlDown()) {
            keys.add("ctrl");
        }
        if (e.isAltDown()) {
            keys.add("alt");
        }
        if (e.isShiftDown() && (special != null || shortcut)) {
            keys.add("shift");
        }
        keys.add(special != null ? special : e.getCode().getName().toLowerCase(java.util.Locale.ROOT));
        return Optional.of(new Action.Key(keys));
    }

    /** A typed printable character (not part of a shortcut) as text. */
    static Optional<Action> typed(KeyEvent e) {
        String c = e.getCharacter();
        if (c == null || c.isEmpty() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return Optional.empty();
        }
        char ch = c.charAt(0);
        if (ch < 0x20 || ch == 0x7f) {
            return Optional.empty(); // Enter, Backspace, Tab... come as key presses
        }
        return Optional.of(new Action.TypeText(c));
    }
}
