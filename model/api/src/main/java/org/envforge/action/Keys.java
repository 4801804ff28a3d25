package org.envforge.action;

import java.util.Locale;
import java.util.Map;

/**
 * Canonical key names: lower case, pyautogui-style ("ctrl", "enter", "pagedown", "f5", "a").
 * Aliases from xdotool keysyms and other conventions map onto them.
 */
public final class Keys {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("control", "ctrl"), Map.entry("control_l", "ctrl"), Map.entry("ctrlleft", "ctrl"),
            Map.entry("control_r", "ctrl"), Map.entry("ctrlright", "ctrl"), Map.entry("return", "enter"),
            Map.entry("kp_enter", "enter"), Map.entry("escape", "esc"), Map.entry("alt_l", "alt"), Map.entry("altleft", "alt"),
            Map.entry("shift_l", "shift"), Map.entry("shiftleft", "shift"), Map.entry("super", "win"), Map.entry("super_l", "win"),
            Map.entry("meta", "win"), Map.entry("cmd", "win"), Map.entry("command", "win"), Map.entry("prior", "pageup"),
            Map.entry("page_up", "pageup"), Map.entry("next", "pagedown"), Map.entry("page_down", "pagedown"),
            Map.entry("back_space", "backspace"), Map.entry("del", "delete"), Map.entry("ins", "insert"),
            Map.entry("arrowup", "up"), Map.entry("arrowdown", "down"), Map.entry("arrowleft", "left"),
            Map.entry("arrowright", "right"), Map.entry(" ", "space"), Map.entry("spacebar", "space"));

    /** Canonical names to X keysyms, for keys whose keysym differs from the canonical name. */
    private static final Map<String, String> KEYSYMS = Map.ofEntries(
            Map.entry("ctrl", "ctrl"), Map.entry("alt", "alt"), Map.entry("shift", "shift"), Map.entry("win", "super"),
            Map.entry("enter", "Return"), Map.entry("esc", "Escape"), Map.entry("tab", "Tab"),
            Map.entry("backspace", "BackSpace"), Map.entry("delete", "Delete"), Map.entry("insert", "Insert"),
            Map.entry("home", "Home"), Map.entry("end", "End"), Map.entry("pageup", "Prior"), Map.entry("pagedown", "Next"),
            Map.entry("up", "Up"), Map.entry("down", "Down"), Map.entry("left", "Left"), Map.entry("right", "Right"),
            Map.entry("space", "space"), Map.entry("capslock", "Caps_Lock"), Map.entry("menu", "Menu"));

    private Keys() {
    }

    public static String canonical(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("empty key name");
        }
        if (key.length() == 1) {
            return key.equals(" ") ? "space" : key.toLowerCase(Locale.ROOT).equals(key) ? key : key.toLowerCase(Locale.ROOT);
        }
        String k = key.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(k, k);
    }

    /** The X keysym xdotool understands for a canonical key name. */
    public static String keysym(String canonical) {
        String s = KEYSYMS.get(canonical);
        if (s != null) {
            return s;
        }
        if (canonical.matches("f\\d{1,2}")) {
            return "F" + canonical.substring(1);
        }
        return canonical;
    }
}
