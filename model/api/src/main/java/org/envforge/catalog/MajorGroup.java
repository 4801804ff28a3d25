package org.envforge.catalog;

/**
 * One of the 22 SOC major groups.
 *
 * @param code such as 15-0000
 * @param employment BLS employment of the whole group
 * @param linkedWageBill the wage bill of the group's occupations linked to O*NET software
 */
public record MajorGroup(String code, String title, long employment, double linkedWageBill) {

    /** The two-digit prefix, such as 15. */
    public String prefix() {
        return code.substring(0, 2);
    }

    /** A short title without the trailing "Occupations". */
    public String shortTitle() {
        return title.endsWith(" Occupations") ? title.substring(0, title.length() - " Occupations".length()) : title;
    }
}
