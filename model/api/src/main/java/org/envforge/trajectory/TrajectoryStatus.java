package org.envforge.trajectory;

/** Where a trajectory stands. */
public enum TrajectoryStatus {
    /** Steps are being written. */
    RECORDING,
    /** The agent finished (said done, failed, or ran out of steps) and the final state was verified. */
    COMPLETE,
    /** The recording process stopped before the end; the steps written so far are kept. */
    INTERRUPTED,
    /** Imported from another tool's folder. */
    IMPORTED
}
