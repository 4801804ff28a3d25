package org.envforge.spec;

import java.nio.file.Path;

/**
 * A file found by an import, not yet stored.
 *
 * @param path relative to the environment folder (environment files) or the task folder (task files)
 * @param source where to read it
 */
public record ImportedFile(String path, Path source, long size) {
}
