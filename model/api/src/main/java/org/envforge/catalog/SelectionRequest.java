package org.envforge.catalog;

import java.util.Optional;
import java.util.Set;

/**
 * What a curator asks of a selection.
 *
 * @param n how many products
 * @param coverAllGroups every one of the 22 SOC major groups must be covered by some product
 * @param excludeGeneric leave out category entries such as "Web browser software"
 * @param include products that must be in the selection (they pass every filter)
 * @param exclude products that must not be in it
 * @param runnable when present, only these products may be picked (those a plugin can run)
 */
public record SelectionRequest(int n, boolean coverAllGroups, boolean excludeGeneric, Set<String> include,
        Set<String> exclude, Optional<Set<String>> runnable) {

    public SelectionRequest {
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
        runnable = runnable.map(Set::copyOf);
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
    }

    /** The top N by weight, no constraints. */
    public static SelectionRequest top(int n) {
        return new SelectionRequest(n, false, false, Set.of(), Set.of(), Optional.empty());
    }

    public SelectionRequest withCoverAllGroups(boolean cover) {
        return new SelectionRequest(n, cover, excludeGeneric, include, exclude, runnable);
    }

    public SelectionRequest withExcludeGeneric(boolean excludeGenericEntries) {
        return new SelectionRequest(n, coverAllGroups, excludeGenericEntries, include, exclude, runnable);
    }

    public SelectionRequest withInclude(Set<String> names) {
        return new SelectionRequest(n, coverAllGroups, excludeGeneric, names, exclude, runnable);
    }

    public SelectionRequest withExclude(Set<String> names) {
        return new SelectionRequest(n, coverAllGroups, excludeGeneric, include, names, runnable);
    }

    public SelectionRequest withRunnable(Optional<Set<String>> names) {
        return new SelectionRequest(n, coverAllGroups, excludeGeneric, include, exclude, names);
    }
}
