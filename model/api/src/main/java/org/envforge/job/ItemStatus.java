package org.envforge.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where one environment of a generation job (a job item) stands. The store keeps the lower-case
 * {@link #word()} (the text of the job_item table's status column), which is also what the CLI and
 * the views show.
 */
public enum ItemStatus {
    /** Not started yet (or to be retried). */
    PENDING,
    /** Being made: its rounds run. */
    RUNNING,
    /** Made, and its audit passed. */
    PASSED,
    /** Made, but its audit failed in the last round. */
    FAILED,
    /** Could not be made: an error ended its rounds. */
    ERROR;

    /** The stored and shown word: "pending", "running", "passed", "failed" or "error". */
    @JsonValue
    public String word() {
        return StoredWords.word(this);
    }

    /** True for passed, failed and error: nothing more will be done with the item. */
    public boolean finished() {
        return this == PASSED || this == FAILED || this == ERROR;
    }

    /** The status a stored word names; an IllegalArgumentException that names the bad value otherwise. */
    @JsonCreator
    public static ItemStatus of(String word) {
        return StoredWords.of(values(), word, "job item status");
    }

    /** The {@link #word()}, so that messages read as before. */
    @Override
    public String toString() {
        return word();
    }
}
