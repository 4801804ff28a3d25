package org.envforge.trajectory.io;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.envforge.action.Action;

/**
 * A step as read from another tool's folder, before its screenshots are stored.
 *
 * @param after the screenshot file taken after the step's actions, or null (both OSWorld and
 *     Gym-Anything save the screen after each step)
 */
public record RawStep(int index, Instant at, List<Action> actions, String actionText, String nativeJson, String response,
        Path after, Double reward, boolean done, String error) {

    public RawStep {
        actions = List.copyOf(actions);
    }
}
