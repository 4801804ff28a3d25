package org.envforge.catalog;

/** A selection that cannot be made as asked; the message says why and what to change. */
public class SelectionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SelectionException(String message) {
        super(message);
    }
}
