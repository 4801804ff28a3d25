package org.envforge.trajectory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.envforge.spec.Problem;
import org.envforge.spec.SafeFolder;

/**
 * Careful reading of files inside an episode folder: every file read is a regular file inside the
 * folder (links are followed only when they stay inside), within its size limit; text must be
 * UTF-8; long lines are skipped.
 */
final class FolderFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String TRAJ = "traj.jsonl";
    /** traj.jsonl larger than this is refused. */
    static final long MAX_JSONL_BYTES = 512L * 1024 * 1024;
    /** result.txt, summary.json, envforge.json larger than this are refused. */
    static final long MAX_SIDE_FILE_BYTES = 16L * 1024 * 1024;
    /** A single line longer than this (in bytes) is skipped (a screenshot inlined as base64, say). */
    static final int MAX_LINE_CHARS = 16 * 1024 * 1024;
    /** How much of traj.jsonl tells its format. */
    private static final int HEAD_BYTES = 4096;

    private FolderFiles() {
    }

    /** traj.jsonl (or another file) was not UTF-8 text at a line. */
    static final class NotUtf8 extends IOException {
        final int line;

        NotUtf8(int line) {
            super("not valid UTF-8 text (line " + line + ")");
            this.line = line;
        }
    }

    /**
     * The folder's file {@code name} when an import may read it: inside the folder (links too), a
     * regular file, at most {@code maxBytes}. Empty when nothing is there, or when it is refused
     * (an error naming it). Nothing outside the folder is opened, nor any FIFO, device or socket.
     */
    static Optional<Path> file(Path folder, String name, long maxBytes, List<Problem> problems) {
        return new SafeFolder(folder, maxBytes).file(name, problems).map(SafeFolder.Entry::file);
    }

    /** The folder's entry {@code name} when there is one of any kind (to be checked by {@link #file} when read), else null. */
    static Path present(Path folder, String name) {
        Path p = folder.resolve(name);
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? p : null;
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

    /**
     * The start of the folder's traj.jsonl as text, which tells its format; null with an error when
     * it is missing, refused or not UTF-8.
     */
    static String head(Path folder, List<Problem> problems) {
        Optional<Path> traj = file(folder, TRAJ, MAX_JSONL_BYTES, problems);
        if (traj.isEmpty()) {
            if (problems.stream().noneMatch(Problem::isError)) {
                problems.add(Problem.error(TRAJ, "", "missing: an episode folder has a traj.jsonl"));
            }
            return null;
        }
        try (InputStream in = Files.newInputStream(traj.get())) {
            byte[] bytes = in.readNBytes(HEAD_BYTES);
            return decode(bytes, bytes.length, 1, false);
        } catch (NotUtf8 e) {
            problems.add(notUtf8(e));
            return null;
        } catch (IOException e) {
            problems.add(Problem.error(TRAJ, "", "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    /**
     * Reads the folder's traj.jsonl: calls {@code line} with (line number, parsed JSON) for each
     * line; overlong and unparseable lines are warnings with their line number and skipped, blank
     * lines are skipped. False, with an error, when the file is missing, refused or not UTF-8.
     */
    static boolean jsonLines(Path folder, String missing, List<Problem> problems, BiConsumer<Integer, JsonNode> line) {
        Optional<Path> traj = file(folder, TRAJ, MAX_JSONL_BYTES, problems);
        if (traj.isEmpty()) {
            if (problems.stream().noneMatch(Problem::isError)) {
                problems.add(Problem.error(TRAJ, "", "missing: " + missing));
            }
            return false;
        }
        try {
            lines(traj.get(), (n, text) -> {
                if (text == null) {
                    problems.add(Problem.warning(TRAJ, "", "line too long, skipped").withLine(n));
                    return;
                }
                if (text.isBlank()) {
                    return;
                }
                JsonNode o;
                try {
                    o = JSON.readTree(text);
                } catch (IOException e) {
                    problems.add(Problem.warning(TRAJ, "", "not JSON (a truncated line?), skipped").withLine(n));
                    return;
                }
                line.accept(n, o);
            });
            return true;
        } catch (NotUtf8 e) {
            problems.add(notUtf8(e));
        } catch (IOException e) {
            problems.add(Problem.error(TRAJ, "", "cannot be read: " + e.getMessage()));
        }
        return false;
    }

    private static Problem notUtf8(NotUtf8 e) {
        return Problem.error(TRAJ, "", "not valid UTF-8 text; refused").withLine(e.line);
    }

    /** Calls {@code line} with (line number, text) for each line; overlong lines are reported as null text. */
    static void lines(Path file, BiConsumer<Integer, String> line) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            byte[] buf = new byte[8192];
            int len = 0;
            int n = 1;
            boolean tooLong = false;
            int read;
            while ((read = in.read(chunk)) > 0) {
                for (int i = 0; i < read; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        line.accept(n, tooLong ? null : decode(buf, len, n, true));
                        n++;
                        len = 0;
                        tooLong = false;
                    } else if (!tooLong) {
                        if (len >= MAX_LINE_CHARS) {
                            tooLong = true;
                            len = 0;
                        } else {
                            if (len == buf.length) {
                                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE_CHARS));
                            }
                            buf[len++] = b;
                        }
                    }
                }
            }
            if (tooLong || len > 0) {
                line.accept(n, tooLong ? null : decode(buf, len, n, true));
            }
        }
    }

    /** Strict UTF-8; a malformed sequence names its line (counted from {@code firstLine}). */
    private static String decode(byte[] bytes, int len, int firstLine, boolean complete) throws NotUtf8 {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(len);
        if (d.decode(ByteBuffer.wrap(bytes, 0, len), out, complete).isError() || complete && d.flush(out).isError()) {
            out.flip();
            throw new NotUtf8(firstLine + (int) out.chars().filter(c -> c == '\n').count());
        }
        out.flip();
        return out.toString();
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
