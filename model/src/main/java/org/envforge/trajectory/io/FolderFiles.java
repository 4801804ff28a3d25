package org.envforge.trajectory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.envforge.spec.Problem;

/** Careful reading of files inside an episode folder: size limits, no path escapes, long lines skipped. */
final class FolderFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** traj.jsonl larger than this is refused. */
    static final long MAX_JSONL_BYTES = 512L * 1024 * 1024;
    /** A single line longer than this is skipped (a screenshot inlined as base64, say). */
    static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

    private FolderFiles() {
    }

    /**
     * Resolves a file name the folder's own files mention; null when it leaves the folder (absolute
     * paths are reduced to their file name, as results folders are often moved).
     */
    static Path inside(Path folder, String name) {
        if (name == null || name.isBlank() || name.indexOf('\0') >= 0) {
            return null;
        }
        Path p;
        try {
            p = Path.of(name);
        } catch (RuntimeException e) {
            return null;
        }
        if (p.isAbsolute()) {
            p = p.getFileName();
            if (p == null) {
                return null;
            }
        }
        Path resolved = folder.resolve(p).normalize();
        if (!resolved.startsWith(folder.normalize())) {
            return null;
        }
        try {
            if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
                Path real = resolved.toRealPath();
                if (!real.startsWith(folder.toRealPath())) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return resolved;
    }

    /** Calls {@code line} with (line number, text) for each line; overlong lines are reported as null text. */
    static void lines(Path file, BiConsumer<Integer, String> line) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8),
                1 << 16)) {
            StringBuilder sb = new StringBuilder();
            int n = 1;
            boolean tooLong = false;
            int c;
            char[] buf = new char[1 << 16];
            int len;
            while ((len = r.read(buf)) > 0) {
                for (int i = 0; i < len; i++) {
                    c = buf[i];
                    if (c == '\n') {
                        line.accept(n++, tooLong ? null : sb.toString());
                        sb.setLength(0);
                        tooLong = false;
                    } else if (!tooLong) {
                        if (sb.length() >= MAX_LINE_CHARS) {
                            tooLong = true;
                            sb.setLength(0);
                        } else {
                            sb.append((char) c);
                        }
                    }
                }
            }
            if (tooLong || sb.length() > 0) {
                line.accept(n, tooLong ? null : sb.toString());
            }
        }
    }

    /**
     * Calls {@code line} with (line number, parsed JSON) for each line of a JSONL file (traj.jsonl);
     * overlong and unparseable lines are reported as warnings with their line number and skipped,
     * blank lines are skipped.
     */
    static void jsonLines(Path file, List<Problem> problems, BiConsumer<Integer, JsonNode> line) throws IOException {
        String name = file.getFileName().toString();
        lines(file, (n, text) -> {
            if (text == null) {
                problems.add(Problem.warning(name, "", "line too long, skipped").withLine(n));
                return;
            }
            if (text.isBlank()) {
                return;
            }
            JsonNode o;
            try {
                o = JSON.readTree(text);
            } catch (IOException e) {
                problems.add(Problem.warning(name, "", "not JSON (a truncated line?), skipped").withLine(n));
                return;
            }
            line.accept(n, o);
        });
    }

    /** The folder's files whose names match, sorted by name. */
    static List<Path> list(Path folder, String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var ds = Files.newDirectoryStream(folder, glob)) {
            ds.forEach(out::add);
        }
        out.sort(null);
        return out;
    }
}
