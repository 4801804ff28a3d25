package org.envforge.spec;

/**
 * A task as lists show it.
 *
 * @param key the store's row key
 * @param ref "ENV_ID/TASK_NAME", the reference the CLI accepts
 */
public record TaskSummary(long key, String envId, String software, String source, String id, String name,
        String instruction, String difficulty, String checker, TaskStatus status, int warnings) {

    public String ref() {
        return envId + "/" + name;
    }
}
