package org.envforge.agent;

import org.envforge.error.UserException;

/** An agent (creator or auditor) could not do its part; the message says why, for the round's record. */
public class AgentException extends UserException {
    private static final long serialVersionUID = 1L;

    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
