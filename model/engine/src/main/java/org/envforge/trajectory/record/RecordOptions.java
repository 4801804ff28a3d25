package org.envforge.trajectory.record;

/**
 * How to record.
 *
 * @param maxSteps stop after this many steps (the task's own limit applies when lower)
 * @param audit run the test-time auditor when the agent says done
 * @param maxAudits how many audits may send feedback back to the agent (Gym-Anything uses 3);
 *     0 audits once and only flags
 */
public record RecordOptions(int maxSteps, boolean audit, int maxAudits) {

    public RecordOptions {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, not " + maxSteps);
        }
        if (maxAudits < 0) {
            throw new IllegalArgumentException("maxAudits must not be negative");
        }
    }

    public static RecordOptions defaults() {
        return new RecordOptions(100, true, 3);
    }
}
