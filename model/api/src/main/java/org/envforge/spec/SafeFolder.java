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
import java.util.Optional;

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
                    admit(file, rel(file), attrs, reportPrefix, problems).ifPresent(out::add);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    problems.add(Problem.error(reportPrefix + rel(file), "", "cannot read: " + exc.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.error(reportPrefix + sub, "", "cannot list: " + e.getMessage()));
        }
        out.sort(java.util.Comparator.comparing(Entry::path));
        return out;
    }

    /**
     * The file at {@code rel} (relative, "/" separated) when an import may read it, by the same rules
     * as {@link #list}: inside the folder (links too), a regular file, within the size limit. Empty
     * when there is nothing there (no problem) or when it is refused (a problem naming {@code rel}).
     */
    public Optional<Entry> file(String rel, List<Problem> problems) {
        Path file = root.resolve(rel);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<Problem> outside = outside(file, rel, "");
        if (outside.isPresent()) {
            problems.add(outside.get());
            return Optional.empty();
        }
        return admit(file, rel, attrs, "", problems);
    }

    /** The entry for a file found at {@code rel}, or empty with a problem; links are followed only inside the folder. */
    private Optional<Entry> admit(Path file, String rel, BasicFileAttributes attrs, String reportPrefix, List<Problem> problems) {
        String shown = reportPrefix + rel;
        BasicFileAttributes target = attrs;
        if (attrs.isSymbolicLink()) {
            Optional<Problem> outside = outside(file, rel, reportPrefix);
            if (outside.isPresent()) {
                problems.add(outside.get());
                return Optional.empty();
            }
            try {
                target = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                problems.add(Problem.error(shown, "", "cannot read: " + e.getMessage()));
                return Optional.empty();
            }
            if (target.isDirectory()) {
                problems.add(Problem.warning(shown, "", "a link to a folder; not followed"));
                return Optional.empty();
            }
        }
        if (target.isDirectory()) {
            problems.add(Problem.error(shown, "", "a folder, not a file"));
            return Optional.empty();
        }
        if (!target.isRegularFile()) {
            problems.add(Problem.error(shown, "", "not a regular file (device, pipe or socket); refused"));
            return Optional.empty();
        }
        if (target.size() > maxBytes) {
            problems.add(tooBig(shown, target.size()));
            return Optional.empty();
        }
        return Optional.of(new Entry(rel, file, target.size()));
    }

    /** A problem when the file, links resolved, is not inside the folder (or is a broken link). */
    private Optional<Problem> outside(Path file, String rel, String reportPrefix) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot)) {
                return Optional.of(Problem.error(reportPrefix + rel, "",
                        "unsafe: a link that leads outside the folder (to " + real + "); refused"));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Problem.error(reportPrefix + rel, "", "a broken link; refused"));
        }
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
