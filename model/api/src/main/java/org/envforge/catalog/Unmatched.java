package org.envforge.catalog;

/**
 * A code that the O*NET-to-BLS join could not use.
 *
 * @param side "O*NET" for an O*NET code without a BLS occupation, "BLS" for a BLS occupation
 *     without O*NET software
 * @param wageBill the BLS wage bill left out (0 for O*NET codes)
 */
public record Unmatched(String side, String code, String title, String reason, double wageBill) {
}
