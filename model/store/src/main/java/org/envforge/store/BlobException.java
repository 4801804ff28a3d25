package org.envforge.store;

/** A blob that is missing or damaged; the message names it and what it stands for. */
public final class BlobException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String hash;
    private final BlobStore.Health health;

    BlobException(String message, String hash, BlobStore.Health health) {
        super(message);
        this.hash = hash;
        this.health = health;
    }

    public String hash() {
        return hash;
    }

    public BlobStore.Health health() {
        return health;
    }
}
