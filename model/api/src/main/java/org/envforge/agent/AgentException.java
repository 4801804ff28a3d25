package org.envforge.agent;

/** An agent (creator or auditor) could not do its part; the message says why, for the round's record. */
public class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
