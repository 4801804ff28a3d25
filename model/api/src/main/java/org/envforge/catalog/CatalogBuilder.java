package org.envforge.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.envforge.io.BadInputException;

/**
 * Joins the raw tables into a {@link Catalog}.
 *
 * <p>Join: an O*NET-SOC code maps to the BLS detailed occupation with the same first seven
 * characters. Where BLS publishes only an aggregate (29-2010 for 29-2011 and 29-2012), the code
 * maps to the single BLS detailed occupation of the same broad group (same first six characters)
 * that no O*NET code matches exactly and that is not an "All Other" residual. Codes that match
 * nothing are reported.
 *
 * <p>Weights: each BLS occupation's wage bill (employment x annual mean wage, hourly x 2080 where
 * the annual figure is suppressed) is split evenly across the distinct products its O*NET
 * occupations list, so the weights of all products add up to the linked national wage bill.
 */
public final class CatalogBuilder {

    private static final String DETAILED = "detailed";

    public Catalog build(GdpTables tables) {
        Map<String, BlsOccupation> detailed = new LinkedHashMap<>();
        List<MajorGroup> groupsRaw = new ArrayList<>();
        BlsOccupation total = null;
        for (BlsOccupation o : tables.bls()) {
            switch (o.level()) {
                case DETAILED -> detailed.put(o.code(), o);
                case "total" -> total = o;
                default -> { }
            }
        }
        Map<String, String> onetTitles = new HashMap<>();
        for (OnetOccupation o : tables.onetOccupations()) {
            onetTitles.put(o.code(), o.title());
        }

        // 1. Which O*NET codes list software, and what.
        Map<String, Set<String>> productsByOnet = new TreeMap<>();
        Map<String, ProductFacts> facts = new HashMap<>();
        for (TechSkill s : tables.skills()) {
            productsByOnet.computeIfAbsent(s.onetCode(), k -> new TreeSet<>()).add(s.example());
            facts.computeIfAbsent(s.example(), k -> new ProductFacts()).add(s);
        }

        // 2. Join O*NET codes to BLS occupations.
        Set<String> exact = new HashSet<>();
        for (String code : productsByOnet.keySet()) {
            String soc = OnetOccupation.socCode(code);
            if (detailed.containsKey(soc)) {
                exact.add(soc);
            }
        }
        Map<String, List<String>> onetBySoc = new TreeMap<>();
        List<Unmatched> unmatched = new ArrayList<>();
        for (String code : productsByOnet.keySet()) {
            String soc = OnetOccupation.socCode(code);
            String target = detailed.containsKey(soc) ? soc : aggregateFor(soc, detailed, exact);
            if (target == null) {
                unmatched.add(new Unmatched("O*NET", code, onetTitles.getOrDefault(code, ""),
                        "no BLS detailed occupation " + soc + " nor a single aggregate in broad group " + soc.substring(0, 6) + "x",
                        0));
            } else {
                onetBySoc.computeIfAbsent(target, k -> new ArrayList<>()).add(code);
            }
        }

        // 3. Wage bills, split across products.
        List<Occupation> occupations = new ArrayList<>();
        Map<String, Accumulator> acc = new HashMap<>();
        for (Map.Entry<String, List<String>> e : onetBySoc.entrySet()) {
            BlsOccupation bls = detailed.get(e.getKey());
            Double bill = bls.wageBill();
            if (bill == null) {
                for (String code : e.getValue()) {
                    unmatched.add(new Unmatched("O*NET", code, onetTitles.getOrDefault(code, ""),
                            "BLS " + bls.code() + " has suppressed employment or wages", 0));
                }
                continue;
            }
            Set<String> products = new TreeSet<>();
            for (String code : e.getValue()) {
                products.addAll(productsByOnet.get(code));
            }
            Occupation occ = new Occupation(bls.code(), bls.title(), bls.majorGroupCode(), bls.employment(),
                    bls.annualWage(), bls.annualWageImputed(), bill, e.getValue(), new ArrayList<>(products));
            occupations.add(occ);
            double share = occ.wageBillPerProduct();
            for (String p : products) {
                acc.computeIfAbsent(p, k -> new Accumulator()).add(occ, share);
            }
        }
        for (BlsOccupation bls : detailed.values()) {
            if (!onetBySoc.containsKey(bls.code())) {
                Double bill = bls.wageBill();
                unmatched.add(new Unmatched("BLS", bls.code(), bls.title(), "no O*NET occupation with software",
                        bill == null ? 0 : bill));
            }
        }

        // 4. Major groups.
        Map<String, Double> groupBill = new HashMap<>();
        for (Occupation o : occupations) {
            groupBill.merge(o.majorGroup(), o.wageBill(), Double::sum);
        }
        for (BlsOccupation o : tables.bls()) {
            if (o.level().equals("major")) {
                groupsRaw.add(new MajorGroup(o.code(), o.title(), o.employment() == null ? 0 : o.employment(),
                        groupBill.getOrDefault(o.code(), 0.0)));
            }
        }
        groupsRaw.sort(Comparator.comparing(MajorGroup::code));

        // 5. Products, ranked.
        GenericNames generic = new GenericNames(tables.skills());
        Set<String> gym = new HashSet<>();
        for (GymAnythingProduct g : tables.gymAnything()) {
            gym.add(ProductNames.normalise(g.name()));
        }
        List<Map.Entry<String, Accumulator>> ranked = new ArrayList<>(acc.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, Accumulator>>comparingDouble(e -> -e.getValue().weight)
                .thenComparing(Map.Entry::getKey));
        List<Product> products = new ArrayList<>(ranked.size());
        int rank = 1;
        for (Map.Entry<String, Accumulator> e : ranked) {
            String name = e.getKey();
            Accumulator a = e.getValue();
            ProductFacts f = facts.get(name);
            products.add(new Product(name, rank++, a.weight, a.employment, a.occupations, a.groups.keySet(), f.hot,
                    f.inDemand, generic.isGeneric(name), f.commodityTitle(), gym.contains(ProductNames.normalise(name)),
                    a.groups));
        }
        if (total == null) {
            throw new BadInputException(GdpSource.OEWS, 0, "O_GROUP", "no total row");
        }
        double detailedBill = 0;
        for (BlsOccupation o : detailed.values()) {
            Double b = o.wageBill();
            detailedBill += b == null ? 0 : b;
        }
        unmatched.sort(Comparator.comparing(Unmatched::side).reversed().thenComparing(Unmatched::code));
        return new Catalog(products, occupations, groupsRaw, unmatched, total, detailedBill, tables.onetOccupations());
    }

    private static String aggregateFor(String soc, Map<String, BlsOccupation> detailed, Set<String> exact) {
        String broad = soc.substring(0, 6);
        String found = null;
        for (BlsOccupation o : detailed.values()) {
            if (o.code().startsWith(broad) && !exact.contains(o.code()) && !o.title().contains("All Other")) {
                if (found != null) {
                    return null; // ambiguous
                }
                found = o.code();
            }
        }
        return found;
    }

    private static final class Accumulator {
        double weight;
        long employment;
        final List<String> occupations = new ArrayList<>();
        final Map<String, Double> groups = new TreeMap<>();

        void add(Occupation o, double share) {
            weight += share;
            employment += o.employment();
            occupations.add(o.socCode());
            groups.merge(o.majorGroup(), share, Double::sum);
        }
    }

    private static final class ProductFacts {
        boolean hot;
        boolean inDemand;
        final Map<String, Integer> titles = new HashMap<>();

        void add(TechSkill s) {
            hot |= s.hot();
            inDemand |= s.inDemand();
            titles.merge(s.commodityTitle(), 1, Integer::sum);
        }

        String commodityTitle() {
            return titles.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("");
        }
    }
}
