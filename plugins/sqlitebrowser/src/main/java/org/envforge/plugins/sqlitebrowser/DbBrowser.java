package org.envforge.plugins.sqlitebrowser;

import java.util.List;
import org.envforge.action.Action;
import org.envforge.plugin.Drafts;
import org.envforge.spec.Checker;

/**
 * What the templates share about DB Browser's GUI and checks: the oracle's way through the app
 * (the Execute SQL tab, then Write Changes) and conditions on the sql probe.
 *
 * <p>Without a window manager the main window sits at the top left (about 1037x738) and focus
 * follows the pointer. Alt+4 opens the Execute SQL tab, whose editor fills the area around
 * (250, 250); Ctrl+Return runs the editor's statements inside DB Browser's open transaction and
 * Ctrl+S (Write Changes) commits it to the file.
 */
final class DbBrowser {

    /** A point inside the Database Structure tab's empty tree area: a click there changes nothing. */
    static final Action.Point NEUTRAL = new Action.Point(300, 420);
    /** A point inside the SQL editor of the Execute SQL tab. */
    static final Action.Point EDITOR = new Action.Point(250, 250);

    private DbBrowser() {
    }

    /** Waits for the main window, types the SQL into the Execute SQL tab, runs it and writes the changes. */
    static List<Action> runAndWrite(String sql) {
        if (sql.contains("\n")) {
            throw new IllegalArgumentException("oracle SQL is typed on one line");
        }
        return List.of(
                new Action.WaitForWindow(SqlitebrowserPlugin.TITLE, 20_000),
                new Action.MoveTo(NEUTRAL.x(), NEUTRAL.y()),
                Action.Click.left(NEUTRAL.x(), NEUTRAL.y()),
                new Action.Wait(300),
                Action.Key.of("alt", "4"),
                new Action.Wait(600),
                Action.Click.left(EDITOR.x(), EDITOR.y()),
                new Action.Wait(200),
                new Action.TypeText(sql),
                new Action.Wait(300),
                Action.Key.of("ctrl", "enter"),
                new Action.Wait(1500),
                Action.Key.of("ctrl", "s"),
                new Action.Wait(1000));
    }

    /** The SQL the oracle types (for tests and logs): the text of its TypeText actions. */
    static String typedSql(List<Action> oracle) {
        StringBuilder sb = new StringBuilder();
        for (Action a : oracle) {
            if (a instanceof Action.TypeText t) {
                sb.append(t.text()).append('\n');
            }
        }
        return sb.toString();
    }

    /** A condition on the result of a query on ~/oews.db. */
    static Checker.Condition sql(String query, String op, Object expected) {
        return Drafts.condition("sql", op, expected, "db", OewsDatabase.PATH, "query", query);
    }
}
