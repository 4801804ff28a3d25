package org.envforge.agent.llm;

/** A model's reply does not follow the asked-for schema; the message says why, for the model to correct. */
final class ReplyRejected extends Exception {

    private static final long serialVersionUID = 1L;

    ReplyRejected(String reason) {
        super(reason);
    }
}
