package org.envforge.runtime;

/**
 * One protection a runtime gives its sessions, and whether it holds on this host (for
 * {@code envforge doctor}).
 *
 * @param what what is protected or limited ("runs as", "memory", "processes", ...)
 * @param holds whether the limit is enforced as {@link SessionLimits} asks
 * @param how how, or why not and what would make it hold
 */
public record Guard(String what, boolean holds, String how) {

    /** A size as people read it: "2 GiB", "512 MiB". */
    public static String size(long bytes) {
        return bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }
}
