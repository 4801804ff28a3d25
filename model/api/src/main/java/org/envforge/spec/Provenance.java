package org.envforge.spec;

/**
 * Where a spec came from.
 *
 * @param format gym-anything, osworld or envforge
 * @param origin the folder or file it was imported from, or the job that made it
 * @param licence the licence of the source, when known
 */
public record Provenance(String format, String origin, String licence) {

    public static final String GYM_ANYTHING = "gym-anything";
    public static final String OSWORLD = "osworld";
    public static final String ENVFORGE = "envforge";
}
