package org.envforge.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A named selection of products saved by a curator.
 *
 * @param request the constraints the selection was made with
 * @param share the selection's share of the linked wage bill when saved
 * @param groupsCovered major groups covered when saved
 */
public record CurationSet(long id, String name, Instant created, SelectionRequest request, List<Item> items,
        double share, int groupsCovered) {

    public CurationSet {
        items = List.copyOf(items);
    }

    public List<String> productNames() {
        return items.stream().map(Item::product).toList();
    }

    /** One product of a set, with its weight when the set was saved. */
    public record Item(int position, String product, double weight) {
    }
}
