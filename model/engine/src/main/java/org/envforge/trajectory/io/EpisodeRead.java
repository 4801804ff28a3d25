package org.envforge.trajectory.io;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.envforge.spec.Problem;

/**
 * One episode folder as read: its header fields, its steps and what was wrong with it. Nothing is
 * stored yet; the importer checks the screenshots and stores everything in one transaction.
 *
 * @param format osworld or gym-anything
 * @param taskHint the task as the folder names it (OSWorld: domain/task id; Gym-Anything: env/task)
 * @param initial the screen before the first step, when the folder has it
 * @param finalShot the final screen (Gym-Anything's final.png), or null
 * @param saidDone the agent declared done
 * @param checkerPassed the folder's own verification result, or null
 * @param verification the folder's verification in words
 */
public record EpisodeRead(String format, Path folder, String taskHint, String instruction, String agent, Instant started,
        Instant finished, List<RawStep> steps, Path initial, Path finalShot, boolean saidDone, Boolean checkerPassed,
        String verification, List<Problem> problems) {

    public EpisodeRead {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
