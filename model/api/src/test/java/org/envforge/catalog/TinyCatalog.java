package org.envforge.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small catalogs from literal occupations, for tests of selection and views. */
public final class TinyCatalog {

    private final List<BlsOccupation> bls = new ArrayList<>();
    private final List<OnetOccupation> onet = new ArrayList<>();
    private final List<TechSkill> skills = new ArrayList<>();
    private final Map<String, Long> groupEmployment = new LinkedHashMap<>();

    private TinyCatalog() {
    }

    public static TinyCatalog builder() {
        return new TinyCatalog();
    }

    /** Adds a detailed occupation with its employment, annual mean wage and the products it lists. */
    public TinyCatalog occupation(String soc, String title, long employment, double annualWage, String... products) {
        bls.add(new BlsOccupation(soc, title, "detailed", employment, annualWage, annualWage / 2080, 0));
        String code = soc + ".00";
        onet.add(new OnetOccupation(code, title, ""));
        for (String p : products) {
            skills.add(new TechSkill(code, p, "43230000", "Software", false, false, 0));
        }
        groupEmployment.merge(soc.substring(0, 2) + "-0000", employment, Long::sum);
        return this;
    }

    public Catalog build() {
        List<BlsOccupation> all = new ArrayList<>();
        long total = groupEmployment.values().stream().mapToLong(Long::longValue).sum();
        all.add(new BlsOccupation("00-0000", "All Occupations", "total", total, 50_000.0, 24.0, 0));
        groupEmployment.forEach((code, emp) -> all.add(new BlsOccupation(code, "Group " + code + " Occupations", "major",
                emp, 50_000.0, 24.0, 0)));
        all.addAll(bls);
        return new CatalogBuilder().build(new GdpTables(all, onet, skills, List.of()));
    }
}
