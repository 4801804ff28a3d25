package org.envforge.trajectory;

import java.time.Instant;
import java.util.List;
import org.envforge.action.Action;

/**
 * One step of a trajectory: the screen before the actions, the actions, the agent's words.
 *
 * @param actions the step's actions as EnvForge understands them (usually one; a Gym-Anything step
 *     may hold several); empty when they could not be parsed ({@code nativeJson} keeps them)
 * @param actionText the actions in a person's words, for lists
 * @param nativeJson the action as the source wrote it (OSWorld or Gym-Anything), or null
 * @param screenshot SHA-256 of the screen before the actions (blob store), or null
 * @param afterShot SHA-256 of the screen after the actions (final step only), or null
 * @param done the agent said it was done (or gave up) with this step
 * @param error why the actions failed, or null
 */
public record Step(int index, Instant at, long millis, List<Action> actions, String actionText, String nativeJson, String response,
        String screenshot, String afterShot, Double reward, boolean done, String error) {

    public Step {
        actions = List.copyOf(actions);
    }

    public Step withAfterShot(String sha) {
        return new Step(index, at, millis, actions, actionText, nativeJson, response, screenshot, sha, reward, done, error);
    }

    public Step withError(String e) {
        return new Step(index, at, millis, actions, actionText, nativeJson, response, screenshot, afterShot, reward, done, e);
    }

    /** The step ended the episode with "done" (not "fail"). */
    public boolean saidDone() {
        return done && actions.stream().anyMatch(a -> a instanceof Action.Done);
    }
}
