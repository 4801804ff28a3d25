package org.envforge.spec;

import java.util.Map;

/**
 * An environment as lists show it.
 *
 * @param key the store's row key
 * @param tasksByStatus how many of its tasks are in each status
 */
public record EnvironmentSummary(long key, String id, String name, String software, String plugin, String source,
        String description, int tasks, Map<TaskStatus, Integer> tasksByStatus) {

    public EnvironmentSummary {
        tasksByStatus = Map.copyOf(tasksByStatus);
    }
}
