package org.envforge.trajectory;

import java.time.Instant;

/**
 * An agent's run on a task.
 *
 * @param taskRef the task (ENV_ID/TASK) when known
 * @param source envforge, osworld or gym-anything
 * @param origin the folder it was imported from, or the session it was recorded in
 * @param saidDone the agent declared the task done
 * @param checkerPassed the task's checker on the final state, or null when not run
 * @param verification a summary of the final verification
 * @param testTimeAudit the test-time audit's JSON, or null
 */
public record Trajectory(long id, String taskRef, String instruction, String agent, String source, String origin,
        TrajectoryStatus status, Instant started, Instant finished, int steps, boolean saidDone, Boolean checkerPassed,
        String verification, String testTimeAudit, TrajectoryVerdict verdict, String verdictNote) {
}
