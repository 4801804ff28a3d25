package org.envforge.runtime.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the bubblewrap command line that isolates a sandboxed program: read-only host root,
 * private /tmp, the session folder as HOME, the host's homes and EnvForge's data hidden, no
 * network unless asked, own PID/IPC/UTS/user namespaces (running as an unprivileged uid), killed
 * with its parent, and an address-space limit.
 */
final class Bubblewrap {

    static final String HOME = "/home/envforge";
    static final String XAUTH = "/tmp/.envforge-Xauthority";
    static final int UID = 1000;

    private final Path sessionHome;
    private final XvfbDisplay display;
    private final List<Path> hidden;
    private final boolean network;
    private final long memoryBytes;
    private final Map<String, String> env;

    Bubblewrap(Path sessionHome, XvfbDisplay display, List<Path> hidden, boolean network, long memoryBytes, Map<String, String> env) {
        this.sessionHome = sessionHome;
        this.display = display;
        this.hidden = hidden;
        this.network = network;
        this.memoryBytes = memoryBytes;
        this.env = env;
    }

    List<String> wrap(List<String> command) {
        List<String> a = new ArrayList<>(List.of("bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                "--tmpfs", "/tmp", "--tmpfs", "/var/tmp", "--tmpfs", "/run"));
        for (Path h : hidden) {
            if (Files.isDirectory(h) && !h.toString().equals("/")) {
                a.addAll(List.of("--tmpfs", h.toAbsolutePath().normalize().toString()));
            }
        }
        a.addAll(List.of("--dir", "/tmp/.X11-unix", "--ro-bind", display.socket().toString(), "/tmp/.X11-unix/X" + display.number(),
                "--ro-bind", display.xauthority().toString(), XAUTH,
                "--tmpfs", "/home", "--bind", sessionHome.toString(), HOME));
        if (!network) {
            a.add("--unshare-net");
        }
        a.addAll(List.of("--unshare-pid", "--unshare-ipc", "--unshare-cgroup-try", "--unshare-user",
                "--uid", String.valueOf(UID), "--gid", String.valueOf(UID),
                "--die-with-parent", "--new-session", "--clearenv"));
        Map<String, String> e = new TreeMap<>();
        e.put("HOME", HOME);
        e.put("USER", "envforge");
        e.put("LOGNAME", "envforge");
        e.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        e.put("DISPLAY", display.name());
        e.put("XAUTHORITY", XAUTH);
        e.put("LANG", "C.UTF-8");
        e.put("LC_ALL", "C.UTF-8");
        e.put("TERM", "xterm");
        e.put("NO_AT_BRIDGE", "1");
        e.put("GTK_A11Y", "none");
        e.put("XDG_RUNTIME_DIR", "/tmp");
        e.putAll(env);
        e.forEach((k, v) -> a.addAll(List.of("--setenv", k, v)));
        a.addAll(List.of("--chdir", HOME, "--"));
        if (memoryBytes > 0) {
            a.addAll(List.of("prlimit", "--as=" + memoryBytes, "--core=0", "--"));
        }
        a.addAll(command);
        return a;
    }

    /** The environment for host-side X tools (xdotool, xwininfo) talking to this display. */
    Map<String, String> hostXEnv() {
        return Map.of("DISPLAY", display.name(), "XAUTHORITY", display.xauthority().toString());
    }
}
