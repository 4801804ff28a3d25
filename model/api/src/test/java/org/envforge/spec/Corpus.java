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

    private static Path extracted;

    /**
     * The corpus file or folder as a path. From a test jar (other modules' tests), the corpus is
     * copied out once to a temporary folder.
     */
    public static synchronized Path path(String rel) {
        URL url = Corpus.class.getResource("/corpus/" + rel);
        if (url == null) {
            throw new IllegalStateException("test resource corpus/" + rel + " is missing");
        }
        try {
            if (url.getProtocol().equals("file")) {
                return Path.of(url.toURI());
            }
            if (extracted == null) {
                extracted = extract(url);
            }
            return extracted.resolve(rel);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read test resource corpus/" + rel + ": " + e, e);
        }
    }

    private static Path extract(URL url) throws URISyntaxException, IOException {
        String jar = url.toURI().toString();
        java.net.URI jarUri = java.net.URI.create(jar.substring(0, jar.indexOf("!/")));
        Path target = Files.createTempDirectory("envforge-corpus");
        // A copy per test JVM: removed when the JVM ends, so test runs leave nothing in /tmp.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target)));
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(jarUri, java.util.Map.of())) {
            Path root = fs.getPath("/corpus");
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path t = target.resolve(root.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
        }
        return target;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort at exit
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
