package org.envforge.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Exports never mix with what a folder already holds: an existing export folder must be empty. */
final class ExportFolders {

    private ExportFolders() {
    }

    static void requireEmpty(Path folder) {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(folder + " exists and is not empty; export into an empty folder");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
            }
        } else if (Files.exists(folder)) {
            throw new IllegalArgumentException(folder + " is a file, not a folder");
        }
    }
}
