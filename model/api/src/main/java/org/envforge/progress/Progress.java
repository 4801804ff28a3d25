package org.envforge.progress;

/**
 * An immutable progress report of a long-running operation.
 *
 * @param operation what runs, e.g. "Loading catalog"
 * @param step the current step, e.g. "Parsing O*NET technology skills"
 * @param done units done so far
 * @param total units in all, or -1 when unknown
 */
public record Progress(String operation, String step, long done, long total) {

    /** Fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        if (total <= 0) {
            return -1;
        }
        return Math.min(1.0, (double) done / total);
    }
}
