package org.envforge.spec;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists the files under a folder the way an import may read them: links that lead outside the
 * folder, files over the size limit and anything that is not a plain file are refused with a
 * problem instead of being read.
 */
public final class SafeFolder {

    /** Files over this size are refused. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final Path root;
    private final Path realRoot;
    private final long maxBytes;

    public SafeFolder(Path root) {
        this(root, MAX_FILE_BYTES);
    }

    public SafeFolder(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
        try {
            this.realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read folder " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** A file that may be read, with its path relative to the root ("/" separated). */
    public record Entry(String path, Path file, long size) {
    }

    /**
     * Lists readable files under {@code sub} (relative, "" for the root), not descending into the
     * given excluded sub-folders. Refusals go to {@code problems} with paths relative to the
     * root, prefixed by {@code reportPrefix}.
     */
    public List<Entry> list(String sub, List<String> excludeDirs, String reportPrefix, List<Problem> problems) {
        Path start = sub.isEmpty() ? root : root.resolve(sub);
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(start) && excludeDirs.contains(rel(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(start) && (name.equals(".git") || name.equals("__pycache__"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = rel(file);
                    if (attrs.isSymbolicLink()) {
                        checkLink(file, rel).ifPresentOrElse(problems::add, () -> {
                            try {
                                long size = Files.size(file);
                                if (Files.isDirectory(file)) {
                                    problems.add(Problem.warning(reportPrefix + rel, "", "a link to a folder; not followed"));
                                } else if (size > maxBytes) {
                                    problems.add(tooBig(reportPrefix + rel, size));
                                } else {
                                    out.add(new Entry(rel, file, size));
                                }
                            } catch (IOException e) {
                                problems.add(Problem.error(reportPrefix + rel, "", "cannot read: " + e.getMessage()));
                            }
                        });
                        return FileVisitResult.CONTINUE;
                    }
                    if (!attrs.isRegularFile()) {
                        problems.add(Problem.error(reportPrefix + rel, "", "not a regular file (device, pipe or socket); refused"));
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.size() > maxBytes) {
                        problems.add(tooBig(reportPrefix + rel, attrs.size()));
                        return FileVisitResult.CONTINUE;
                    }
                    out.add(new Entry(rel, file, attrs.size()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    problems.add(Problem.error(reportPrefix + rel(file), "", "cannot read: " + exc.getMessage()));
                    return FileVisitResult.CONTINUE;
                }

                private java.util.Optional<Problem> checkLink(Path file, String rel) {
                    try {
                        Path real = file.toRealPath();
                        if (!real.startsWith(realRoot)) {
                            return java.util.Optional.of(Problem.error(reportPrefix + rel, "",
                                    "unsafe: a link that leads outside the folder (to " + real + "); refused"));
                        }
                        return java.util.Optional.empty();
                    } catch (IOException e) {
                        return java.util.Optional.of(Problem.error(reportPrefix + rel, "", "a broken link; refused"));
                    }
                }
            });
        } catch (IOException e) {
            problems.add(Problem.error(reportPrefix + sub, "", "cannot list: " + e.getMessage()));
        }
        out.sort(java.util.Comparator.comparing(Entry::path));
        return out;
    }

    private String rel(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private Problem tooBig(String path, long size) {
        return Problem.error(path, "", String.format(Locale.ROOT, "too large (%.1f MB; the limit is %d MB); refused",
                size / 1048576.0, maxBytes / 1048576));
    }

    /**
     * Checks a relative path taken from a spec (a hook's script, a mount): refuses absolute paths
     * and paths that climb out with "..". Returns the normalised path or null (with a problem).
     */
    public static String checkRelative(String path, String file, String pointer, List<Problem> problems) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.startsWith("~") || p.matches("^[A-Za-z]:.*")) {
            problems.add(Problem.error(file, pointer, "unsafe: an absolute host path (" + path + ") is not allowed here"));
            return null;
        }
        Path norm = Path.of(p).normalize();
        if (norm.startsWith("..") || norm.toString().equals("..")) {
            problems.add(Problem.error(file, pointer, "unsafe: the path " + path + " leads outside the environment folder"));
            return null;
        }
        return norm.toString().replace('\\', '/');
    }
}
