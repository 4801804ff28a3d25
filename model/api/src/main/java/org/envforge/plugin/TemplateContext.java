package org.envforge.plugin;

import java.util.List;
import java.util.Random;

/**
 * What a template fills a task from: a seed (the same seed gives the same task), the real data,
 * and the environment the task belongs to.
 */
public record TemplateContext(long seed, SeedData data, String envId) {

    /** A random generator for this seed. */
    public Random random() {
        return new Random(seed);
    }

    /** Picks {@code n} distinct items, in their original order, deterministically from the seed. */
    public <T> List<T> sample(List<T> items, int n, Random r) {
        if (items.size() <= n) {
            return List.copyOf(items);
        }
        java.util.List<Integer> idx = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            idx.add(i);
        }
        java.util.Collections.shuffle(idx, r);
        return idx.subList(0, n).stream().sorted().map(items::get).toList();
    }
}
