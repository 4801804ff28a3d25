package org.envforge.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A software product (an O*NET "Example") with its economic weight.
 *
 * @param rank 1 for the heaviest product
 * @param weight the share of linked wage bills attributed to it, in US dollars per year
 * @param employment workers in the occupations that list it (each occupation counted once)
 * @param occupations BLS SOC codes of the occupations that list it
 * @param majorGroups major group codes (such as 15-0000) of those occupations
 * @param hot O*NET marks it a hot technology for at least one occupation
 * @param inDemand O*NET marks it in demand for at least one occupation
 * @param generic a category entry such as "Web browser software" rather than a named product
 * @param commodityTitle the UNSPSC commodity title O*NET files it under most often
 * @param gymAnything among the 488 products Gym-Anything selected (normalised name match)
 * @param weightByGroup the weight split by major group code
 */
public record Product(String name, int rank, double weight, long employment, List<String> occupations,
        Set<String> majorGroups, boolean hot, boolean inDemand, boolean generic, String commodityTitle,
        boolean gymAnything, Map<String, Double> weightByGroup) {

    public Product {
        occupations = List.copyOf(occupations);
        majorGroups = Set.copyOf(majorGroups);
        weightByGroup = Map.copyOf(weightByGroup);
    }

    /** Covers the group with the given code (such as 15-0000). */
    public boolean covers(String groupCode) {
        return majorGroups.contains(groupCode);
    }
}
