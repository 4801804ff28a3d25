package org.envforge.catalog;

import java.util.List;

/**
 * The products a selection picked, heaviest first, with their coverage.
 *
 * @param unconstrainedWeight the weight of the top N eligible products with no coverage constraint:
 *     an upper bound on what any selection of N could reach, so {@code unconstrainedWeight -
 *     coverage.weight()} bounds the cost of the constraints
 * @param notes what the selector had to do or could not do, for the curator
 */
public record Selection(SelectionRequest request, List<Product> products, Coverage coverage, double unconstrainedWeight,
        List<String> notes) {

    public Selection {
        products = List.copyOf(products);
        notes = List.copyOf(notes);
    }

    public List<String> names() {
        return products.stream().map(Product::name).toList();
    }
}
