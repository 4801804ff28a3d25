package org.envforge.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a generation job stands. The store keeps the lower-case {@link #word()} (the text of the
 * job table's status column), which is also what the CLI and the views show.
 */
public enum JobStatus {
    /** Submitted, running, or stopped by a crash (it resumes where it was). */
    RUNNING,
    /** Every environment was made (each passed, failed its audit, or ended in an error). */
    DONE,
    /** Stopped on request after the rounds in flight; unfinished environments stay pending. */
    CANCELLED,
    /** Stopped by an error that no environment could get past (such as an unusable sandbox). */
    FAILED;

    /** The stored and shown word: "running", "done", "cancelled" or "failed". */
    @JsonValue
    public String word() {
        return StoredWords.word(this);
    }

    /** The status a stored word names; an IllegalArgumentException that names the bad value otherwise. */
    @JsonCreator
    public static JobStatus of(String word) {
        return StoredWords.of(values(), word, "job status");
    }

    /** The {@link #word()}, so that messages read as before. */
    @Override
    public String toString() {
        return word();
    }
}
