package org.envforge.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How much of the economy a set of products covers.
 *
 * @param weight the summed weight of the products (US dollars of wage bill per year)
 * @param share weight as a share of the linked national wage bill
 * @param groupsCovered major group codes covered by at least one product
 * @param groupsTotal the number of major groups (22)
 * @param occupationsReached linked occupations that list at least one of the products
 * @param employmentReached workers in those occupations
 * @param wageBillReached their wage bill, as a share of the linked wage bill
 * @param shareByGroup per major group code: the products' weight in that group over the group's
 *     linked wage bill
 */
public record Coverage(double weight, double share, Set<String> groupsCovered, int groupsTotal,
        int occupationsReached, long employmentReached, double wageBillReached, Map<String, Double> shareByGroup) {

    public Coverage {
        groupsCovered = Set.copyOf(groupsCovered);
        shareByGroup = Map.copyOf(shareByGroup);
    }

    public boolean coversAllGroups() {
        return groupsCovered.size() == groupsTotal;
    }

    /** Computes the coverage of the given products in the catalog. */
    public static Coverage of(Catalog catalog, List<Product> products) {
        double weight = 0;
        Set<String> groups = new TreeSet<>();
        Set<String> occupations = new HashSet<>();
        Map<String, Double> byGroup = new TreeMap<>();
        for (Product p : products) {
            weight += p.weight();
            groups.addAll(p.majorGroups());
            occupations.addAll(p.occupations());
            p.weightByGroup().forEach((g, w) -> byGroup.merge(g, w, Double::sum));
        }
        long employment = 0;
        double bill = 0;
        for (String code : occupations) {
            Occupation o = catalog.occupation(code).orElseThrow();
            employment += o.employment();
            bill += o.wageBill();
        }
        Map<String, Double> shares = new TreeMap<>();
        for (MajorGroup g : catalog.majorGroups()) {
            double w = byGroup.getOrDefault(g.code(), 0.0);
            shares.put(g.code(), g.linkedWageBill() > 0 ? w / g.linkedWageBill() : 0.0);
        }
        double linked = catalog.linkedWageBill();
        return new Coverage(weight, weight / linked, groups, catalog.majorGroups().size(), occupations.size(),
                employment, bill / linked, shares);
    }
}
