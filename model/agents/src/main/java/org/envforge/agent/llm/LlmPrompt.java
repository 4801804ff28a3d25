package org.envforge.agent.llm;

import java.util.ArrayList;
import java.util.List;
import org.envforge.text.Clip;

/**
 * One conversation to send: a system message, the user's request with optional PNG images, and
 * any earlier refused replies each followed by the correction asked for.
 */
public record LlmPrompt(String system, String user, List<byte[]> images, List<Correction> corrections) {

    public LlmPrompt {
        images = List.copyOf(images);
        corrections = List.copyOf(corrections);
    }

    /**
     * A reply the model gave and what it was told about it. Each goes back to the model clipped to
     * a prompt section ({@link Clip#PROMPT_SECTION}): a refused reply of a megabyte, or a reason
     * quoting it, is not sent back whole at every retry.
     */
    public record Correction(String reply, String feedback) {
        public Correction {
            reply = Clip.text(reply, Clip.PROMPT_SECTION);
            feedback = Clip.text(feedback, Clip.PROMPT_SECTION);
        }
    }

    public static LlmPrompt of(String system, String user, List<byte[]> images) {
        return new LlmPrompt(system, user, images, List.of());
    }

    /** This conversation continued with a refused reply and the feedback on it. */
    public LlmPrompt corrected(String reply, String feedback) {
        List<Correction> c = new ArrayList<>(corrections);
        c.add(new Correction(reply, feedback));
        return new LlmPrompt(system, user, images, c);
    }
}
