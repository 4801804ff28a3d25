package org.envforge.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The software catalog: products ranked by economic weight, the linked occupations, the 22 SOC
 * major groups and what the join left out. Immutable and safe to share between threads.
 */
public final class Catalog {

    private final List<Product> products;
    private final Map<String, Product> byName;
    private final Map<String, List<Product>> byLowerName;
    private final Map<String, Occupation> occupations;
    private final List<MajorGroup> majorGroups;
    private final List<Unmatched> unmatched;
    private final BlsOccupation total;
    private final double linkedWageBill;
    private final double detailedWageBill;
    private final Map<String, OnetOccupation> onet;

    Catalog(List<Product> products, List<Occupation> occupations, List<MajorGroup> majorGroups,
            List<Unmatched> unmatched, BlsOccupation total, double detailedWageBill, List<OnetOccupation> onetOccupations) {
        this.products = List.copyOf(products);
        this.byName = new HashMap<>(products.size() * 2);
        this.byLowerName = new HashMap<>(products.size() * 2);
        for (Product p : products) {
            byName.put(p.name(), p);
            byLowerName.computeIfAbsent(p.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(p);
        }
        Map<String, Occupation> occ = new LinkedHashMap<>();
        double linked = 0;
        for (Occupation o : occupations) {
            occ.put(o.socCode(), o);
            linked += o.wageBill();
        }
        this.occupations = Collections.unmodifiableMap(occ);
        this.majorGroups = List.copyOf(majorGroups);
        this.unmatched = List.copyOf(unmatched);
        this.total = total;
        this.linkedWageBill = linked;
        this.detailedWageBill = detailedWageBill;
        Map<String, OnetOccupation> o = new HashMap<>();
        onetOccupations.forEach(x -> o.put(x.code(), x));
        this.onet = Collections.unmodifiableMap(o);
    }

    /** An O*NET occupation (title and description) by its O*NET-SOC code. */
    public Optional<OnetOccupation> onetOccupation(String code) {
        return Optional.ofNullable(onet.get(code));
    }

    /** The O*NET description of a linked occupation (of its first O*NET code), or "". */
    public String description(Occupation o) {
        return o.onetCodes().stream().map(onet::get).filter(java.util.Objects::nonNull).map(OnetOccupation::description)
                .findFirst().orElse("");
    }

    /** All products, heaviest first (rank 1 first). */
    public List<Product> products() {
        return products;
    }

    /** The first {@code n} products by weight. */
    public List<Product> top(int n) {
        return products.subList(0, Math.min(Math.max(n, 0), products.size()));
    }

    /**
     * A product by exact name, else by case-insensitive name when that is unique.
     */
    public Optional<Product> product(String name) {
        Product exact = byName.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<Product> folded = byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
    }

    /** Products whose name contains the query (case-insensitive), heaviest first. */
    public List<Product> search(String query, int limit) {
        String q = query.toLowerCase(Locale.ROOT);
        List<Product> out = new ArrayList<>();
        for (Product p : products) {
            if (p.name().toLowerCase(Locale.ROOT).contains(q)) {
                out.add(p);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    public Optional<Occupation> occupation(String socCode) {
        return Optional.ofNullable(occupations.get(socCode));
    }

    /** All linked occupations, in SOC code order. */
    public List<Occupation> occupations() {
        return List.copyOf(occupations.values());
    }

    /** The occupations that list the product, largest wage bill first. */
    public List<Occupation> occupationsUsing(Product product) {
        List<Occupation> out = new ArrayList<>(product.occupations().size());
        for (String code : product.occupations()) {
            out.add(occupations.get(code));
        }
        out.sort(Comparator.comparingDouble(Occupation::wageBill).reversed().thenComparing(Occupation::socCode));
        return out;
    }

    /** The 22 SOC major groups in code order. */
    public List<MajorGroup> majorGroups() {
        return majorGroups;
    }

    public Optional<MajorGroup> majorGroup(String code) {
        return majorGroups.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /** O*NET codes without a BLS occupation and BLS occupations without O*NET software. */
    public List<Unmatched> unmatched() {
        return unmatched;
    }

    /** The BLS "All Occupations" row. */
    public BlsOccupation total() {
        return total;
    }

    /** The sum of the wage bills of linked occupations; product weights add up to this. */
    public double linkedWageBill() {
        return linkedWageBill;
    }

    /** The sum of the wage bills of all BLS detailed occupations with published figures. */
    public double detailedWageBill() {
        return detailedWageBill;
    }
}
