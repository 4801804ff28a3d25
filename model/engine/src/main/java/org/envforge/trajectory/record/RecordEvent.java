package org.envforge.trajectory.record;

import org.envforge.trajectory.Step;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.audit.TestTimeAudit;

/** What a recording reports as it goes; immutable, delivered on the recording thread. */
public sealed interface RecordEvent {

    long trajectory();

    record Started(long trajectory, String taskRef, String agent, String instruction) implements RecordEvent {
    }

    record StepRecorded(long trajectory, Step step) implements RecordEvent {
    }

    /** A test-time audit after the agent said done; {@code feedbackGiven} when the agent goes on. */
    record Audited(long trajectory, int round, TestTimeAudit audit, boolean feedbackGiven) implements RecordEvent {
    }

    record Finished(long trajectory, Trajectory result) implements RecordEvent {
    }
}
