package org.envforge.runtime.kubernetes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.envforge.runtime.SandboxException;

/**
 * The command lines a session runs in its pod through exec: the pod's keep-alive with Xvfb, its
 * readiness check, time limits, background launches, screenshots and file transfer. Arguments go
 * to {@code sh -c SCRIPT sh ARG...} as positional parameters, so nothing is quoted by hand.
 */
final class PodCommands {

    static final String HOME = "/home/envforge";
    static final String DISPLAY = ":0";

    private PodCommands() {
    }

    /** The container's main process: Xvfb in the background, then a keep-alive. */
    static List<String> main(int width, int height) {
        return List.of("sh", "-c", "Xvfb " + DISPLAY + " -screen 0 " + width + "x" + height
                + "x24 -nolisten tcp >/tmp/xvfb.log 2>&1 & exec sleep infinity");
    }

    /** The readiness probe: the X socket exists. */
    static List<String> ready() {
        return List.of("sh", "-c", "test -e /tmp/.X11-unix/X0");
    }

    /** The command under coreutils timeout (killed 2 s after TERM); exit 124 or 137 means the limit hit. */
    static List<String> limited(List<String> command, Duration limit) {
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "2", String.valueOf(Math.max(1, limit.toSeconds()))));
        cmd.addAll(command);
        return cmd;
    }

    static boolean timedOut(int exitCode) {
        return exitCode == 124 || exitCode == 137;
    }

    /** Starts a program detached from the exec stream (own session, no stdio), so exec returns at once. */
    static List<String> launch(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("nothing to launch");
        }
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "cd \"$HOME\" && setsid \"$@\" </dev/null >/dev/null 2>&1 &", "sh"));
        cmd.addAll(command);
        return cmd;
    }

    /** The root window as an XWD image, gzipped (a mostly empty 1280x800 screen is 4 MB raw, a few KB gzipped). */
    static List<String> screenshot() {
        return List.of("bash", "-c", "set -o pipefail; xwd -root -silent -display " + DISPLAY + " | gzip -1");
    }

    /** Prints a plain file; exit 3 when it is not one. */
    static List<String> readFile(String absPath) {
        return List.of("sh", "-c", "[ -f \"$1\" ] || exit 3; exec cat -- \"$1\"", "sh", absPath);
    }

    /**
     * Writes exactly {@code length} bytes from stdin to the file (through a temporary name, creating
     * folders). Reading a known length, the command ends without needing end-of-input, which the
     * exec websocket cannot signal.
     */
    static List<String> writeFile(String absPath, int length) {
        return List.of("sh", "-c", "mkdir -p -- \"$(dirname -- \"$1\")\" && head -c \"$2\" > \"$1.part\" && "
                + "[ \"$(wc -c < \"$1.part\")\" -eq \"$2\" ] && mv -f -- \"$1.part\" \"$1\"", "sh", absPath, String.valueOf(length));
    }

    /** Stops every process but Xvfb, the keep-alive and this shell; then empties HOME. */
    static List<String> reset() {
        return List.of("sh", "-c", "for p in $(pgrep -u 1000); do c=$(tr '\\0' ' ' < /proc/$p/cmdline 2>/dev/null); "
                + "case \"$c\" in *Xvfb*|'sleep infinity'*|*pgrep*) ;; *) [ \"$p\" != \"$$\" ] && kill -9 \"$p\" 2>/dev/null;; esac; "
                + "done; find " + HOME + " -mindepth 1 -delete");
    }

    /** "~/x", "x" or "/home/envforge/x" as an absolute path in HOME; anything outside HOME is refused. */
    static String inHome(String path) {
        String p = path.startsWith("~/") ? path.substring(2) : path;
        if (p.startsWith(HOME + "/")) {
            p = p.substring(HOME.length() + 1);
        }
        java.nio.file.Path rel = java.nio.file.Path.of(p).normalize();
        if (p.isEmpty() || p.startsWith("/") || rel.startsWith("..") || rel.toString().isEmpty()) {
            throw new SandboxException("only paths in the sandbox home can be read or written, not " + path);
        }
        return HOME + "/" + rel;
    }
}
