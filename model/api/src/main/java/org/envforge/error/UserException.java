package org.envforge.error;

/**
 * The base of the errors a user can act on: a missing tool, an unreachable sandbox or model, a bad
 * input file, a store that cannot be opened. The message says what is wrong and, where known, how
 * to fix it; it is meant to be read on its own, so the command line prints it as one line
 * ({@code envforge: MESSAGE}) without a stack trace. Errors that are not of this kind are bugs.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
