package org.envforge.app.log;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

/**
 * A log file that stays bounded: lines are appended (each in one write, so that several EnvForge
 * processes on one data folder do not cut into each other's lines), and once the file is past its
 * limit it becomes {@code NAME.1} and a new one starts. Opened on the first line; a file that
 * cannot be written is given up on with one warning on the error stream.
 */
final class LogFile {

    private final Path path;
    private final long maxBytes;
    private final UnaryOperator<String> escape;
    private String header;
    private FileOutputStream out;
    private long size;
    private boolean failed;

    /** HEADER (a line saying which run this is) comes before the first line this process writes. */
    LogFile(Path path, long maxBytes, UnaryOperator<String> escape, String header) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.escape = escape;
        this.header = header;
    }

    Path path() {
        return path;
    }

    synchronized void write(String text) {
        if (failed) {
            return;
        }
        byte[] bytes = escape.apply(header == null ? text : header + System.lineSeparator() + text).getBytes(StandardCharsets.UTF_8);
        try {
            if (out == null || size > maxBytes) {
                open();
            }
            out.write(bytes);
            size += bytes.length;
            header = null;
        } catch (IOException | RuntimeException e) {
            failed = true;
            close();
            System.err.println("envforge: warning: cannot write the log file " + path + ": " + e.getMessage());
        }
    }

    private void open() throws IOException {
        close();
        Files.createDirectories(path.getParent());
        if (Files.exists(path) && Files.size(path) > maxBytes) {
            Files.move(path, path.resolveSibling(path.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        out = new FileOutputStream(path.toFile(), true);
        size = Files.size(path);
    }

    synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // Nothing to do: the lines written are on disk.
            }
            out = null;
        }
    }
}
