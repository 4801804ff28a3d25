package org.envforge.runtime;

import org.envforge.error.UserException;

/** A sandbox could not start, act or answer; the message says what and, where known, how to fix it. */
public class SandboxException extends UserException {
    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
