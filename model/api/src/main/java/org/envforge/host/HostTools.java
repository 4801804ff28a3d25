package org.envforge.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the host programs the local runtime needs, and says which Debian packages provide missing ones. */
public final class HostTools {

    /** A program and the package that installs it. */
    public record Tool(String program, String aptPackage, String purpose) {
    }

    /** What the local runtime cannot work without. */
    public static final List<Tool> REQUIRED = List.of(
            new Tool("Xvfb", "xvfb", "virtual X displays"),
            new Tool("xauth", "xauth", "per-session X cookies"),
            new Tool("xdotool", "xdotool", "mouse and keyboard actions"),
            new Tool("xwininfo", "x11-utils", "window lists"),
            new Tool("bwrap", "bubblewrap", "isolating sandboxed programs"),
            new Tool("prlimit", "util-linux", "memory limits"));

    /** What some features need. */
    public static final List<Tool> OPTIONAL = List.of(
            new Tool("tesseract", "tesseract-ocr", "OCR of screenshots (rule auditor)"),
            new Tool("xwd", "x11-apps", "screenshots of displays without a framebuffer file"));

    private HostTools() {
    }

    /** The program's path on the PATH, if any. */
    public static Optional<Path> which(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Missing required tools, each as "Xvfb (virtual X displays): apt-get install xvfb". */
    public static List<String> missing(List<Tool> tools) {
        List<String> out = new ArrayList<>();
        for (Tool t : tools) {
            if (which(t.program()).isEmpty()) {
                out.add(t.program() + " (" + t.purpose() + "): apt-get install " + t.aptPackage());
            }
        }
        return out;
    }
}
