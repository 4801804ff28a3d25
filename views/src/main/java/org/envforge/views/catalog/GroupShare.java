package org.envforge.views.catalog;

/**
 * One bar of the coverage chart: the share of a major group's linked wage bill that the selected
 * products carry.
 */
public record GroupShare(String code, String title, double share, boolean covered) {
}
