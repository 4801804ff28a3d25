package org.envforge.catalog;

/**
 * One row of the BLS OEWS national table.
 *
 * @param code SOC code such as 15-1252 (aggregates such as 29-2010 included)
 * @param level total, major, minor, broad or detailed
 * @param employment total employment, null when suppressed
 * @param annualMeanWage annual mean wage, null when suppressed
 * @param hourlyMeanWage hourly mean wage, null when suppressed
 * @param line the line of the source file, for messages
 */
public record BlsOccupation(String code, String title, String level, Long employment, Double annualMeanWage,
        Double hourlyMeanWage, long line) {

    /** Hours in a BLS work year, used where only the hourly mean is published. */
    public static final int HOURS_PER_YEAR = 2080;

    /** The annual mean wage, or the hourly mean times 2080 where the annual figure is suppressed. */
    public Double annualWage() {
        if (annualMeanWage != null) {
            return annualMeanWage;
        }
        return hourlyMeanWage == null ? null : hourlyMeanWage * HOURS_PER_YEAR;
    }

    /** True when the annual wage had to be imputed from the hourly mean. */
    public boolean annualWageImputed() {
        return annualMeanWage == null && hourlyMeanWage != null;
    }

    /** Employment times annual wage, or null when either is suppressed. */
    public Double wageBill() {
        Double wage = annualWage();
        return employment == null || wage == null ? null : employment * wage;
    }

    /** The major group code, such as 15-0000. */
    public String majorGroupCode() {
        return code.substring(0, 2) + "-0000";
    }
}
