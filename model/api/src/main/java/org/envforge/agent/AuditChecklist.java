package org.envforge.agent;

import java.util.List;

/** The items every audit answers, per task. Rule and VLM auditors share them. */
public final class AuditChecklist {

    /** One item: its id and what it asks. */
    public record Item(String id, String question) {
    }

    public static final Item SETUP = new Item("setup_runs", "The setup runs without errors and the app starts.");
    public static final Item READY = new Item("app_ready_at_start",
            "The start screenshot shows the app's window, ready, with the task's file open.");
    public static final Item DATA_VISIBLE = new Item("data_visible_at_start",
            "The start screenshot shows the expected data (key values are readable on screen).");
    public static final Item NOT_SOLVED = new Item("not_solved_at_start",
            "The task is not already solved at the start: the checker fails on the start state.");
    public static final Item ORACLE = new Item("oracle_solves", "The oracle solves the task through the GUI: the checker passes after it.");
    public static final Item GROUND_TRUTH = new Item("probes_match_truth",
            "The privileged probes match the ground truth: what the checker expects is documented by verified facts, and "
                    + "the probes read those values after the oracle.");
    public static final Item SPECIFIC = new Item("instruction_specific",
            "The instruction is specific and unambiguous: it says what result is wanted and where it goes.");
    public static final Item NO_LEAK = new Item("instruction_no_leak",
            "The instruction does not give the solution away (no commands, formulas or keystrokes to copy).");
    public static final Item PROVENANCE = new Item("provenance_recorded", "The data's provenance is recorded.");

    public static final List<Item> ALL = List.of(SETUP, READY, DATA_VISIBLE, NOT_SOLVED, ORACLE, GROUND_TRUTH, SPECIFIC, NO_LEAK,
            PROVENANCE);

    private AuditChecklist() {
    }
}
