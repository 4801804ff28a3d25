package org.envforge.spec;

/**
 * A file that belongs to an environment or a task (a script, data, a JSON document), kept in the
 * blob store.
 *
 * @param path relative to the environment folder (env files) or the task folder (task files)
 */
public record SpecFile(String path, String sha256, long size) {
}
