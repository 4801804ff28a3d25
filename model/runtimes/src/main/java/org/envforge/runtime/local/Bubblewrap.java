package org.envforge.runtime.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.envforge.runtime.SessionLimits;

/**
 * Builds the bubblewrap command line that isolates a sandboxed program: read-only host root,
 * private size-limited /tmp, /var/tmp, /run and /dev/shm, the session folder as HOME, the host's
 * homes and EnvForge's data hidden, no network unless asked, own PID/IPC/UTS namespaces, killed
 * with its parent, and never the host's root user (see {@link Confinement}): run by an ordinary
 * user, a user namespace maps the sandbox user to that user; run as root, the program is moved
 * into the session's control group, bubblewrap builds the sandbox and setpriv drops to the
 * session's own unprivileged uid with no capabilities before the program starts.
 */
final class Bubblewrap {

    static final String HOME = "/home/envforge";
    static final String XAUTH = "/tmp/.envforge-Xauthority";
    static final String USER = "envforge";
    static final int UID = 1000;

    /** Per session: who the programs run as, their control group, the files that name their user, the home's namespace. */
    record Identity(long hostUid, Optional<Cgroups.Group> cgroup, Path passwd, Path group, Optional<HomeNamespace> home) {

        /** True when the home is a file system of a fixed size. */
        boolean homeQuota() {
            return home.isPresent();
        }

        boolean dropped() {
            return hostUid >= 0;
        }

        /** The uid programs see: their host uid when dropped, else the mapped {@link #UID}. */
        long sandboxUid() {
            return dropped() ? hostUid : UID;
        }
    }

    private final Path sessionHome;
    private final XvfbDisplay display;
    private final List<Path> hidden;
    private final boolean network;
    private final SessionLimits limits;
    private final Map<String, String> env;
    private final Identity identity;

    Bubblewrap(Path sessionHome, XvfbDisplay display, List<Path> hidden, boolean network, SessionLimits limits, Map<String, String> env,
            Identity identity) {
        this.sessionHome = sessionHome;
        this.display = display;
        this.hidden = hidden;
        this.network = network;
        this.limits = limits;
        this.env = env;
        this.identity = identity;
    }

    List<String> wrap(List<String> command) {
        List<String> a = new ArrayList<>(identity.cgroup().map(Cgroups.Group::joinPrefix).orElse(List.of()));
        identity.home().ifPresent(h -> a.addAll(h.enter()));
        a.addAll(List.of("bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"));
        for (String scratch : List.of("/tmp", "/var/tmp", "/run", "/dev/shm")) {
            a.addAll(List.of("--perms", "1777", "--size", Long.toString(limits.tmpBytes()), "--tmpfs", scratch));
        }
        for (Path h : hidden) {
            if (Files.isDirectory(h) && !h.toString().equals("/")) {
                a.addAll(List.of("--tmpfs", h.toAbsolutePath().normalize().toString()));
            }
        }
        a.addAll(List.of("--dir", "/tmp/.X11-unix", "--ro-bind", display.socket().toString(), "/tmp/.X11-unix/X" + display.number(),
                "--ro-bind", display.xauthority().toString(), XAUTH,
                "--ro-bind", identity.passwd().toString(), "/etc/passwd", "--ro-bind", identity.group().toString(), "/etc/group",
                "--tmpfs", "/home", "--bind", sessionHome.toString(), HOME));
        if (!network) {
            a.add("--unshare-net");
        }
        a.addAll(List.of("--unshare-pid", "--unshare-ipc", "--unshare-cgroup-try"));
        if (!identity.dropped()) {
            a.addAll(List.of("--unshare-user", "--uid", String.valueOf(UID), "--gid", String.valueOf(UID)));
        }
        a.addAll(List.of("--die-with-parent", "--new-session", "--clearenv"));
        Map<String, String> e = new TreeMap<>();
        e.put("HOME", HOME);
        e.put("USER", USER);
        e.put("LOGNAME", USER);
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
        if (identity.dropped()) {
            a.addAll(drop(identity.hostUid()));
        }
        a.addAll(rlimits());
        a.addAll(command);
        return a;
    }

    /** setpriv arguments that become the given unprivileged uid for good, dying with the parent. */
    static List<String> drop(long uid) {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                "--no-new-privs", "--pdeathsig", "KILL", "--");
    }

    /**
     * Limits per program: no core files; where no control group limits the session, an address
     * space per program (and, for a uid of the session's own, its processes); where the home has no
     * size of its own, the size of each file.
     */
    private List<String> rlimits() {
        List<String> r = new ArrayList<>(List.of("prlimit", "--core=0"));
        if (identity.cgroup().isEmpty()) {
            r.add("--as=" + limits.memoryBytes());
            if (identity.dropped()) {
                r.add("--nproc=" + limits.processes());
            }
        }
        if (!identity.homeQuota()) {
            r.add("--fsize=" + limits.diskBytes());
        }
        r.add("--");
        return r;
    }

    /** The environment for host-side X tools (xdotool, xwininfo) talking to this display. */
    Map<String, String> hostXEnv() {
        return Map.of("DISPLAY", display.name(), "XAUTHORITY", display.xauthority().toString());
    }
}
