package org.envforge.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The real Gym-Anything and OSWorld specs shipped as test resources (see the README of each corpus folder). */
public final class Corpus {

    private Corpus() {
    }

    public static Path path(String rel) {
        URL url = Corpus.class.getResource("/corpus/" + rel);
        if (url == null) {
            throw new IllegalStateException("test resource corpus/" + rel + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path gymAnything() {
        return path("gym_anything");
    }

    public static Path env(String name) {
        return path("gym_anything/environments/" + name);
    }

    public static Path osworld() {
        return path("osworld");
    }

    /** Copies a folder tree (for tests that change it). */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                    t.toFile().setWritable(true);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
