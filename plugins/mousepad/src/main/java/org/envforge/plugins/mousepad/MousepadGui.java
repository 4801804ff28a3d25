package org.envforge.plugins.mousepad;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.envforge.action.Action;
import org.envforge.plugin.TemplateContext;

/**
 * How Mousepad is started and driven: its command line, its settings file, its window title, and
 * the GUI steps oracles are made of (focus, find bar, Find and Replace dialog, save).
 *
 * <p>Mousepad keeps its settings in GSettings. Sandboxes have no D-Bus session, so the default
 * dconf backend cannot store anything: check boxes of the Find and Replace dialog snap back as
 * soon as they are clicked. The app therefore runs with GLib's keyfile backend, whose file is
 * part of every task's start state: a window that fills the 1280x800 screen, the status bar
 * shown, no session restore, and the search options at their defaults.
 */
final class MousepadGui {

    /** The sandbox home, where task files live. */
    static final String HOME = "/home/envforge";

    /** Where GLib's keyfile settings backend reads and writes, relative to the home. */
    static final String SETTINGS_FILE = ".config/glib-2.0/settings/keyfile";

    /** The settings every task starts with (GVariant text format). */
    static final String SETTINGS = """
            [org/xfce/mousepad/state/window]
            width=uint32 1280
            height=uint32 800

            [org/xfce/mousepad/preferences/window]
            statusbar-visible=true

            [org/xfce/mousepad/preferences/file]
            session-restore='never'

            [org/xfce/mousepad/state/search]
            match-case=false
            match-whole-word=false
            enable-regex=false
            replace-all=false
            incremental=false
            """;

    /** The title of the Find and Replace dialog. */
    static final String REPLACE_DIALOG = "^Find and Replace$";

    /** A point inside the editor window and inside the dialogs it centres on itself. */
    private static final int CX = 640;
    private static final int CY = 400;
    /** A point of the editor window that the centred dialogs do not cover. */
    private static final int OFF_DIALOG_X = 200;
    private static final int OFF_DIALOG_Y = 150;

    private MousepadGui() {
    }

    /** The settings file's bytes, for a task's start files. */
    static byte[] settings() {
        return SETTINGS.getBytes(StandardCharsets.UTF_8);
    }

    /** The command line that opens a file of the home (a path relative to it) in Mousepad. */
    static List<String> launch(String file) {
        return List.of("env", "GSETTINGS_BACKEND=keyfile", "mousepad", "--disable-server", HOME + "/" + file);
    }

    /**
     * A regular expression for the editor window of a file: Mousepad shows "~/dir/name.txt -
     * Mousepad", with a leading "*" while there are unsaved changes.
     */
    static String windowTitle(String file) {
        return "^\\*?~/" + quote(file) + " - Mousepad$";
    }

    /** Escapes regular expression characters (file names are slugs, but be safe). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Waits for the editor window of a file and puts the pointer on it: without a window manager
     * the keyboard goes to the window under the pointer.
     */
    static List<Action> focus(String file) {
        return List.of(new Action.WaitForWindow(windowTitle(file), 15_000), new Action.MoveTo(CX, CY), new Action.Wait(200),
                Action.Click.left(CX, CY), new Action.Wait(300));
    }

    /**
     * The random generator of one template for a seed: the seed's generator salted with the
     * template id, so that the templates of one seed pick different data.
     */
    static Random random(TemplateContext ctx, String templateId) {
        return new Random(ctx.random().nextLong() ^ templateId.hashCode());
    }

    /**
     * Selects the first match of a text after the start of the document with the find bar
     * (Search > Find), then closes the bar; the match stays selected and the cursor is on its line.
     */
    static List<Action> selectFirst(String text) {
        List<Action> a = new ArrayList<>();
        a.add(Action.Key.of("ctrl", "home"));
        a.add(Action.Key.of("ctrl", "f"));
        a.add(new Action.Wait(400));
        a.add(Action.Key.of("ctrl", "a"));
        a.add(new Action.TypeText(text));
        a.add(Action.Key.of("enter"));
        a.add(new Action.Wait(300));
        a.add(Action.Key.of("esc"));
        a.add(new Action.Wait(200));
        return a;
    }

    /**
     * Replaces every occurrence of a text in the document with the Find and Replace dialog
     * (Search > Find and Replace...): search and replacement typed, "Replace all in: Document"
     * ticked (Alt+A), then "Replace All" (Alt+R), and the dialog closed.
     */
    static List<Action> replaceAll(String search, String replacement) {
        List<Action> a = new ArrayList<>();
        a.add(Action.Key.of("ctrl", "r"));
        a.add(new Action.WaitForWindow(REPLACE_DIALOG, 5_000));
        a.add(new Action.MoveTo(CX, CY));
        a.add(new Action.Wait(300));
        a.add(Action.Key.of("ctrl", "a"));
        a.add(new Action.TypeText(search));
        a.add(Action.Key.of("tab"));
        a.add(Action.Key.of("ctrl", "a"));
        a.add(new Action.TypeText(replacement));
        a.add(Action.Key.of("alt", "a"));
        a.add(new Action.Wait(300));
        a.add(Action.Key.of("alt", "r"));
        a.add(new Action.Wait(500));
        a.add(Action.Key.of("esc"));
        a.add(new Action.Wait(300));
        // Off the dialog, so the next keys reach the editor even if the dialog is slow to go.
        a.add(new Action.MoveTo(OFF_DIALOG_X, OFF_DIALOG_Y));
        a.add(new Action.Wait(200));
        return a;
    }

    /** Saves with Ctrl+S and gives the app a moment to write. */
    static List<Action> save() {
        return List.of(Action.Key.of("ctrl", "s"), new Action.Wait(600));
    }
}
