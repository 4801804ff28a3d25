package org.envforge.plugin;

import java.util.List;

/**
 * Real data that task templates seed start states with: BLS OEWS May 2023 occupations with their
 * employment and wages, and O*NET occupation descriptions. Provided by the engine from the shipped
 * tables; the provenance string goes into every task that uses it.
 */
public interface SeedData {

    /** One occupation: BLS employment and mean wage, O*NET title and description. */
    record Occupation(String soc, String title, String majorGroup, String majorGroupTitle, long employment,
            double annualMeanWage, String description) {
    }

    /** Linked occupations (those with wages and employment), in SOC order. */
    List<Occupation> occupations();

    /** The occupations of one major group (code such as 15-0000), in SOC order. */
    default List<Occupation> occupations(String majorGroup) {
        return occupations().stream().filter(o -> o.majorGroup().equals(majorGroup)).toList();
    }

    /** The major group codes that have occupations. */
    default List<String> majorGroups() {
        return occupations().stream().map(Occupation::majorGroup).distinct().sorted().toList();
    }

    /** Where the data comes from, for privileged info and provenance. */
    String provenance();
}
