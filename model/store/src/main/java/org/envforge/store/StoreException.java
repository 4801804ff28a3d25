package org.envforge.store;

import org.envforge.error.UserException;

/** The store cannot be opened or used; the message names the file and what to do. */
public class StoreException extends UserException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
