package org.envforge.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.envforge.error.UserException;

/**
 * Exports never mix with what a folder already holds: an existing export folder must be empty.
 * An export is written whole or not at all: into a hidden folder beside the target, moved into
 * place when done, and removed (with any parent folders it made) when it fails, so a retry finds
 * things as they were.
 */
final class ExportFolders {

    /** Writes an export into a folder. */
    @FunctionalInterface
    interface Writer<T> {
        T write(Path folder) throws IOException;
    }

    private ExportFolders() {
    }

    static void requireEmpty(Path folder) {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(folder + " exists and is not empty; export into an empty folder");
                }
            } catch (IOException e) {
                throw new UserException("cannot read " + folder + ": " + e.getMessage(), e);
            }
        } else if (Files.exists(folder)) {
            throw new IllegalArgumentException(folder + " is a file, not a folder");
        }
    }

    /** Writes the export into FOLDER whole: on any failure nothing of it is left. */
    static <T> T writeWhole(Path folder, Writer<T> writer) {
        requireEmpty(folder);
        Path target = folder.toAbsolutePath().normalize();
        List<Path> made = new ArrayList<>();
        Path staging = null;
        boolean done = false;
        try {
            for (Path p = target.getParent(); p != null && !Files.exists(p); p = p.getParent()) {
                made.add(0, p);
            }
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".part-");
            T result = writer.write(staging);
            Files.deleteIfExists(target); // an empty folder the user made for it
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return result;
        } catch (IOException e) {
            throw new UserException("cannot write " + folder + ": " + e.getMessage(), e);
        } finally {
            if (!done) {
                removeQuietly(staging, made);
            }
        }
    }

    private static void removeQuietly(Path staging, List<Path> made) {
        try {
            if (staging != null && Files.exists(staging)) {
                try (Stream<Path> all = Files.walk(staging)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            for (int i = made.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(made.get(i));
            }
        } catch (IOException e) {
            // best effort: the export already failed with its own message
        }
    }
}
