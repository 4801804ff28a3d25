package org.envforge.agent.llm;

import java.util.List;
import org.envforge.agent.AgentException;
import org.envforge.text.Clip;

/**
 * Asks the model for a reply that follows a schema: a refused reply goes back to the model with
 * the reason, up to a number of replies, after which the ask fails with the last reason.
 */
final class SchemaDialogue {

    /** Reads and validates one reply. */
    @FunctionalInterface
    interface Reader<T> {
        T read(String reply) throws ReplyRejected;
    }

    private final LlmClient client;
    private final int maxReplies;

    SchemaDialogue(LlmClient client, int maxReplies) {
        if (maxReplies < 1) {
            throw new IllegalArgumentException("at least one reply must be allowed, was " + maxReplies);
        }
        this.client = client;
        this.maxReplies = maxReplies;
    }

    /**
     * Asks until a reply is accepted.
     *
     * @param what what is asked for, for notes and messages ("task 2 of 3")
     * @param notes gets one line per refused reply
     * @throws AgentException when the endpoint fails or every reply is refused
     */
    <T> T ask(LlmPrompt prompt, Reader<T> reader, String what, List<String> notes) {
        LlmPrompt p = prompt;
        String reason = null;
        for (int i = 1; i <= maxReplies; i++) {
            String reply = client.chat(p);
            try {
                return reader.read(reply);
            } catch (ReplyRejected | RuntimeException e) {
                // A reason may quote the reply (a field's value of a megabyte): clipped before it goes to notes and back to the model.
                reason = Clip.text(e instanceof ReplyRejected ? e.getMessage() : "the reply could not be read (" + e + ")", Clip.REASON);
                notes.add(what + ": reply " + i + " of at most " + maxReplies + " refused: " + reason);
                p = p.corrected(reply, "Your reply was refused: " + reason + ".\nReply again with one JSON object that follows the "
                        + "schema, changing what is needed to fix this.");
            }
        }
        throw new AgentException(what + ": the model's reply broke the schema " + maxReplies + (maxReplies == 1 ? " time" : " times")
                + "; last reason: " + reason);
    }
}
