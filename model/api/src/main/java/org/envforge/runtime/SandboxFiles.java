package org.envforge.runtime;

import java.util.List;

/**
 * Reading and writing a session's home files with a small shell program run inside the sandbox as
 * the sandbox user (never by EnvForge's own user on host paths), so a link or a folder swapped by
 * a sandboxed program can only reach what the sandbox itself may reach. Links and anything but
 * regular files (a FIFO would block) are refused. Shared by the runtimes.
 */
public final class SandboxFiles {

    /** The largest file a session returns. */
    public static final int MAX_FILE = 64 << 20;

    private SandboxFiles() {
    }

    /** The command that prints the file at the sandbox path (exit 2 missing, 3 link, 4 not a file, 5 too large). */
    public static List<String> readCommand(String path) {
        return List.of("/bin/sh", "-c", "[ -L \"$1\" ] && exit 3; [ -e \"$1\" ] || { echo 'No such file' >&2; exit 2; }; "
                + "[ -f \"$1\" ] || exit 4; [ $(stat -c %s -- \"$1\") -le " + MAX_FILE + " ] || exit 5; exec cat -- \"$1\"", "read", path);
    }

    /**
     * The command that writes the given number of bytes of its standard input to the sandbox path,
     * making its folder (exit 3 link, 4 not a file, 6 no folder, 7 input short). It stops after
     * those bytes, since some runtimes never close the standard input of a command they run.
     */
    public static List<String> writeCommand(String path, long length) {
        return List.of("/bin/sh", "-c", "mkdir -p -- \"$(dirname -- \"$1\")\" || exit 6; [ -L \"$1\" ] && exit 3; "
                + "[ ! -e \"$1\" ] || [ -f \"$1\" ] || exit 4; head -c " + length + " > \"$1\" || exit 6; "
                + "[ $(stat -c %s -- \"$1\") -eq " + length + " ] || exit 7", "write", path);
    }

    /** Why a read or write failed, from its exit code and error text. */
    public static String problem(int code, boolean timedOut, String stderr) {
        if (timedOut) {
            return "timed out";
        }
        return switch (code) {
            case 3 -> "it is a link (refused)";
            case 4 -> "it is not a regular file (refused)";
            case 5 -> "it is larger than " + (MAX_FILE >> 20) + " MiB";
            case 6 -> "cannot make its folder or write it (full?)";
            case 7 -> "the sandbox received fewer bytes than were sent";
            default -> {
                String s = stderr.strip();
                yield s.isEmpty() ? "exit code " + code : s.length() > 300 ? s.substring(0, 300) + "..." : s;
            }
        };
    }

    /**
     * A path of the sandbox home ("~/x", "x" or "HOME/x") as an absolute sandbox path; refuses
     * paths that climb out of it.
     */
    public static String inHome(String home, String path) {
        String p = path;
        if (p.startsWith("~/")) {
            p = p.substring(2);
        } else if (p.startsWith(home + "/")) {
            p = p.substring(home.length() + 1);
        } else if (p.startsWith("/")) {
            throw new SandboxException("only paths in the sandbox home can be read or written, not " + path);
        }
        java.nio.file.Path h = java.nio.file.Path.of(home);
        java.nio.file.Path r = h.resolve(p).normalize();
        if (p.indexOf('\0') >= 0 || !r.startsWith(h) || r.equals(h)) {
            throw new SandboxException("the path " + path + " leads outside the sandbox home");
        }
        return r.toString();
    }
}
