package org.envforge.catalog;

/** One O*NET-SOC occupation (code such as 15-1252.00). */
public record OnetOccupation(String code, String title, String description) {

    /** The BLS SOC code this O*NET code falls under: its first seven characters. */
    public static String socCode(String onetCode) {
        return onetCode.substring(0, 7);
    }
}
