package org.envforge.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Picks N products that maximise covered weight under a curator's constraints. Deterministic: ties
 * break on rank, which breaks ties on name.
 *
 * <p>Without a coverage constraint the answer is exact: the includes, then the heaviest eligible
 * products. With {@code coverAllGroups} a greedy repair follows: while a major group is uncovered,
 * the heaviest eligible product covering one of the uncovered groups comes in and the lightest
 * selected product that is neither included by the curator nor the only cover of some group goes
 * out. Each swap covers at least one more group and uncovers none, so at most 22 swaps happen. The
 * {@link Selection#unconstrainedWeight()} upper bound shows what the constraint cost.
 */
public final class Selector {

    private static final Comparator<Product> HEAVIEST_FIRST = Comparator.comparingInt(Product::rank);

    private final Catalog catalog;

    public Selector(Catalog catalog) {
        this.catalog = catalog;
    }

    public Selection select(SelectionRequest request) {
        List<String> notes = new ArrayList<>();
        Set<Product> includes = new LinkedHashSet<>(resolve(request.include(), "include"));
        Set<Product> excludes = new LinkedHashSet<>(resolve(request.exclude(), "exclude"));
        for (Product p : includes) {
            if (excludes.contains(p)) {
                throw new SelectionException("\"" + p.name() + "\" is both included and excluded");
            }
        }
        if (includes.size() > request.n()) {
            throw new SelectionException(includes.size() + " products are included but only " + request.n() + " may be selected");
        }
        List<Product> eligible = new ArrayList<>();
        for (Product p : catalog.products()) {
            if (includes.contains(p) || excludes.contains(p)) {
                continue;
            }
            if (request.excludeGeneric() && p.generic()) {
                continue;
            }
            if (request.runnable().isPresent() && !request.runnable().get().contains(p.name())) {
                continue;
            }
            eligible.add(p);
        }
        List<Product> selected = new ArrayList<>(includes);
        for (Product p : eligible) {
            if (selected.size() >= request.n()) {
                break;
            }
            selected.add(p);
        }
        if (selected.size() < request.n()) {
            notes.add("only " + selected.size() + " products are eligible under these constraints");
        }
        double unconstrained = selected.stream().mapToDouble(Product::weight).sum();

        if (request.coverAllGroups()) {
            repairCoverage(selected, includes, eligible, notes);
        }
        selected.sort(HEAVIEST_FIRST);
        return new Selection(request, selected, Coverage.of(catalog, selected), unconstrained, notes);
    }

    private void repairCoverage(List<Product> selected, Set<Product> includes, List<Product> eligible, List<String> notes) {
        Set<String> target = new TreeSet<>();
        for (MajorGroup g : catalog.majorGroups()) {
            target.add(g.code());
        }
        Set<String> coverable = new TreeSet<>();
        for (Product p : eligible) {
            coverable.addAll(p.majorGroups());
        }
        for (Product p : selected) {
            coverable.addAll(p.majorGroups());
        }
        Set<String> impossible = new TreeSet<>(target);
        impossible.removeAll(coverable);
        if (!impossible.isEmpty()) {
            notes.add("no eligible product covers " + describe(impossible));
            target.removeAll(impossible);
        }
        Set<Product> chosen = new LinkedHashSet<>(selected);
        while (true) {
            Set<String> uncovered = new TreeSet<>(target);
            for (Product p : selected) {
                uncovered.removeAll(p.majorGroups());
            }
            if (uncovered.isEmpty()) {
                return;
            }
            Product in = null;
            for (Product p : eligible) { // heaviest first
                if (!chosen.contains(p) && p.majorGroups().stream().anyMatch(uncovered::contains)) {
                    in = p;
                    break;
                }
            }
            selected.add(in);
            chosen.add(in);
            Product out = lightestRemovable(selected, includes, in);
            if (out == null) {
                selected.remove(in);
                throw new SelectionException("cannot cover all " + catalog.majorGroups().size() + " major groups with "
                        + (selected.size()) + " products: " + describe(uncovered)
                        + " stay uncovered; raise N or include fewer products");
            }
            selected.remove(out);
            chosen.remove(out);
            notes.add("swapped in \"" + in.name() + "\" (covers " + describe(intersect(in.majorGroups(), uncovered))
                    + ") for \"" + out.name() + "\"");
        }
    }

    private static Product lightestRemovable(List<Product> selected, Set<Product> includes, Product incoming) {
        Map<String, Integer> coverers = new HashMap<>();
        for (Product p : selected) {
            for (String g : p.majorGroups()) {
                coverers.merge(g, 1, Integer::sum);
            }
        }
        Product best = null;
        for (Product p : selected) {
            if (p == incoming || includes.contains(p)) {
                continue;
            }
            boolean soleCover = p.majorGroups().stream().anyMatch(g -> coverers.get(g) == 1);
            if (soleCover) {
                continue;
            }
            if (best == null || p.rank() > best.rank()) {
                best = p;
            }
        }
        return best;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }

    private String describe(Set<String> groups) {
        return groups.stream()
                .map(code -> catalog.majorGroup(code).map(g -> code + " " + g.shortTitle()).orElse(code))
                .collect(Collectors.joining(", "));
    }

    private List<Product> resolve(Set<String> names, String what) {
        List<Product> out = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            Product p = catalog.product(name).orElseThrow(() -> new SelectionException("unknown product in the "
                    + what + " list: \"" + name + "\"" + suggest(name)));
            out.add(p);
        }
        return out;
    }

    private String suggest(String name) {
        List<Product> close = catalog.search(name, 3);
        if (close.isEmpty()) {
            return "";
        }
        return " (did you mean " + close.stream().map(p -> "\"" + p.name() + "\"").collect(Collectors.joining(", ")) + "?)";
    }
}
