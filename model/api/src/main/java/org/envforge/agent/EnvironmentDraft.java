package org.envforge.agent;

import java.util.List;
import org.envforge.plugin.TaskDraft;

/**
 * An environment a creator made: one plugin's app with its tasks.
 *
 * @param name environment name, unique per job (such as gnumeric_j3_e1)
 * @param product the catalog product the environment stands for
 */
public record EnvironmentDraft(String name, String plugin, String product, List<TaskDraft> tasks) {

    public EnvironmentDraft {
        tasks = List.copyOf(tasks);
    }
}
