package org.envforge.engine;

/**
 * One environment a job makes.
 *
 * @param status pending, running, passed, failed (audit failed after the last round) or error
 * @param rounds rounds done
 */
public record JobItem(long job, int index, String plugin, String product, String envName, String status, int rounds,
        String message) {

    public boolean finished() {
        return status.equals("passed") || status.equals("failed") || status.equals("error");
    }
}
