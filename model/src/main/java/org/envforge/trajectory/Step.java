package org.envforge.trajectory;

import java.time.Instant;
import org.envforge.action.Action;

/**
 * One step of a trajectory: the screen before the action, the action, the agent's words.
 *
 * @param action the action as EnvForge understands it, or null when it could not be parsed (an
 *     imported pyautogui script, say; {@code nativeJson} keeps it)
 * @param actionText the action in a person's words, for lists
 * @param nativeJson the action as the source wrote it (OSWorld or Gym-Anything), or null
 * @param screenshot SHA-256 of the screen before the action (blob store), or null
 * @param afterShot SHA-256 of the screen after the last action (final step only), or null
 * @param done the agent said it was done (or gave up) with this step
 * @param error why the action failed, or null
 */
public record Step(int index, Instant at, long millis, Action action, String actionText, String nativeJson, String response,
        String screenshot, String afterShot, Double reward, boolean done, String error) {
}
