package org.envforge.engine;

import org.envforge.job.ItemStatus;

/**
 * One environment a job makes.
 *
 * @param status pending, running, passed, failed (audit failed after the last round) or error
 * @param rounds rounds done
 */
public record JobItem(long job, int index, String plugin, String product, String envName, ItemStatus status, int rounds,
        String message) {

    public boolean finished() {
        return status.finished();
    }
}
