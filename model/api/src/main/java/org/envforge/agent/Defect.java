package org.envforge.agent;

/**
 * Known defects a creator can be made to produce (fault injection), to measure how well an
 * auditor finds them.
 */
public enum Defect {
    /** The start data does not match what the task's privileged facts and checker expect. */
    WRONG_START_DATA,
    /** The app is started without waiting for its window, so the start state is not ready. */
    NO_WAIT_FOR_WINDOW,
    /** The checker passes whatever the agent does. */
    CHECKER_ALWAYS_PASSES,
    /** The instruction does not say what result is wanted or where. */
    AMBIGUOUS_INSTRUCTION,
    /** The instruction gives the solution away (the commands, formula or keystrokes). */
    LEAKED_SOLUTION,
    /** The start state already holds the answer. */
    ALREADY_SOLVED_START;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
