package org.envforge.plugins.gnumeric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.envforge.action.Action;
import org.envforge.plugin.Drafts;
import org.envforge.spec.Checker;

/**
 * What the Gnumeric templates share: checker conditions on cells of the saved workbook and the
 * oracle's keyboard steps (focus the window, go to a cell from A1 with the arrow keys, enter
 * contents, save).
 */
final class SheetTasks {

    /** A point on the empty grid, below every seeded row, that the oracle clicks to focus the sheet. */
    private static final int GRID_X = 640;
    private static final int GRID_Y = 620;

    private SheetTasks() {
    }

    /** A condition on the saved value of a cell. */
    static Checker.Condition value(OccupationSheet s, String cell, String op, Object expected) {
        return Drafts.condition("cell", op, expected, "file", s.path(), "sheet", OccupationSheet.SHEET, "cell", cell);
    }

    /** A condition that a cell's saved value is a number within {@code tolerance} (relative) of the expected one. */
    static Checker.Condition number(OccupationSheet s, String cell, double expected, double tolerance) {
        return Drafts.condition("cell", "equals_number", expected, "file", s.path(), "sheet", OccupationSheet.SHEET, "cell", cell,
                "tolerance", String.format(Locale.ROOT, "%.3g", tolerance));
    }

    /** A condition that a cell holds a formula (any formula starts with "="), not a typed constant. */
    static Checker.Condition formula(OccupationSheet s, String cell) {
        return Drafts.condition("cell_formula", "contains", "=", "file", s.path(), "sheet", OccupationSheet.SHEET, "cell", cell);
    }

    /**
     * Waits for the workbook's window and clicks its grid: without a window manager the keyboard
     * focus follows the pointer.
     */
    static List<Action> focus(OccupationSheet s) {
        return List.of(new Action.WaitForWindow(s.windowTitle(), 20_000), new Action.Wait(1000), new Action.MoveTo(GRID_X, GRID_Y),
                Action.Click.left(GRID_X, GRID_Y), new Action.Wait(300));
    }

    /** Selects a cell: Ctrl+Home to A1, then Right and Down as many times as needed. */
    static List<Action> goTo(String a1) {
        CellRef c = CellRef.parse(a1);
        List<Action> out = new ArrayList<>();
        out.add(Action.Key.of("ctrl", "home"));
        for (int i = 0; i < c.col(); i++) {
            out.add(Action.Key.of("right"));
        }
        for (int i = 0; i < c.row(); i++) {
            out.add(Action.Key.of("down"));
        }
        return out;
    }

    /** Goes to a cell and enters a formula or a number there. */
    static List<Action> enter(String a1, String contents) {
        List<Action> out = new ArrayList<>(goTo(a1));
        out.add(new Action.TypeText(contents));
        out.add(Action.Key.of("enter"));
        return out;
    }

    /**
     * Goes to a cell and enters a text label. Delete drops whatever Gnumeric's auto-completion
     * proposes from the column's other entries, so the cell holds exactly the typed text.
     */
    static List<Action> label(String a1, String text) {
        List<Action> out = new ArrayList<>(goTo(a1));
        out.add(new Action.TypeText(text));
        out.add(Action.Key.of("delete"));
        out.add(Action.Key.of("enter"));
        return out;
    }

    /** Saves in place (the file is already a .gnumeric file, so no format question is asked). */
    static List<Action> save() {
        return List.of(new Action.Wait(300), Action.Key.of("ctrl", "s"), new Action.Wait(1500));
    }

    static String money(long usd) {
        return String.format(Locale.ROOT, "$%,d", usd);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
