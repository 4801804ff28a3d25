package org.envforge.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.envforge.host.ProcessRunner;
import org.envforge.runtime.Guard;
import org.envforge.runtime.SessionLimits;

/**
 * How the local runtime confines sessions on this host, decided once from what the host allows:
 * <ul>
 * <li>Who sandboxed programs run as. Run by an ordinary user, bubblewrap maps the sandbox user to
 * that user in a user namespace. Run as root, that mapping would make the sandbox user the host's
 * root (every root-only file readable), so instead each session gets its own unprivileged host
 * uid ({@link #uidBase} plus its display number) that owns nothing on the host, bubblewrap builds
 * the sandbox as root and setpriv drops to that uid, with no capabilities and no way to regain
 * privileges, before anything of the session runs. The X server runs as that uid too.</li>
 * <li>A control group per session (where cgroups are writable, i.e. as root) for the memory and
 * process limits of the whole session; else an address-space limit per program.</li>
 * <li>A size-limited tmpfs as the session's home (as root); else a file-size limit per program.</li>
 * </ul>
 */
final class Confinement {

    /** Sandbox uids start here, above the ranges that systemd, containers and subordinate ids use. */
    static final long DEFAULT_UID_BASE = 2_000_000_000L;

    private final boolean root;
    private final long uidBase;
    private final Optional<Cgroups> cgroups;

    Confinement(boolean root, long uidBase, Optional<Cgroups> cgroups) {
        this.root = root;
        this.uidBase = uidBase;
        this.cgroups = cgroups;
    }

    /** What this host allows the process running EnvForge. */
    static Confinement detect() {
        boolean root = hostUid() == 0;
        long base = DEFAULT_UID_BASE;
        String env = System.getenv("ENVFORGE_SANDBOX_UID_BASE");
        if (env != null && !env.isBlank()) {
            try {
                base = Long.parseLong(env.strip());
            } catch (NumberFormatException e) {
                throw new org.envforge.runtime.SandboxException("ENVFORGE_SANDBOX_UID_BASE must be a number, not \"" + env + "\"");
            }
            if (base < 1000 || base > 4_000_000_000L) {
                throw new org.envforge.runtime.SandboxException("ENVFORGE_SANDBOX_UID_BASE must be between 1000 and 4000000000, not "
                        + base);
            }
        }
        return new Confinement(root, base, root ? Cgroups.detect() : Optional.empty());
    }

    /** The uid this process runs as on the host. */
    static long hostUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** True when sandboxed programs drop to a per-session uid (EnvForge runs as root). */
    boolean dropsToSessionUid() {
        return root;
    }

    /** The host uid of the session on the given display (when {@link #dropsToSessionUid}). */
    long uidFor(int display) {
        return uidBase + display;
    }

    Optional<Cgroups> cgroups() {
        return cgroups;
    }

    /** True when the session's home can be a size-limited file system of its own. */
    boolean homeQuota() {
        return root;
    }

    List<Guard> guards(SessionLimits l) {
        List<Guard> g = new ArrayList<>();
        g.add(root ? new Guard("runs as", true, "an unprivileged uid of its own per session (" + uidBase + " + display), no capabilities, "
                + "no new privileges; EnvForge runs as root")
                : new Guard("runs as", true, "uid " + Bubblewrap.UID + " in a user namespace, mapped to uid " + hostUid()
                        + " (the user running EnvForge; its home and data folder hidden)"));
        g.add(new Guard("network", true, "none unless a task asks for it (own network namespace)"));
        String cg = cgroups.map(Cgroups::describe).orElse(null);
        g.add(cg != null ? new Guard("memory", true, gib(l.memoryBytes()) + " for the whole session (" + cg + ")")
                : new Guard("memory", false, gib(l.memoryBytes())
                        + " of address space per program only; a session of many programs may use "
                        + "more (run EnvForge as root for a control group per session)"));
        g.add(cg != null ? new Guard("processes", true, l.processes() + " per session (" + cg + " pids)")
                : new Guard("processes", false, "no limit (run EnvForge as root for a control group per session)"));
        g.add(root ? new Guard("disk", true, gib(l.diskBytes()) + " home (tmpfs of its own), " + mib(l.tmpBytes())
                + " per scratch folder (/tmp, /var/tmp, /run, /dev/shm)")
                : new Guard("disk", false, mib(l.tmpBytes()) + " per scratch folder; the home is on the host disk with only a "
                        + gib(l.diskBytes()) + " limit per file (run EnvForge as root for a home of fixed size)"));
        g.add(new Guard("output", true, (ProcessRunner.MAX_OUTPUT >> 20) + " MiB kept per command, " + (ProcessRunner.MAX_LOG >> 20)
                + " MiB per app log"));
        return g;
    }

    private static String gib(long bytes) {
        return Guard.size(bytes);
    }

    private static String mib(long bytes) {
        return Guard.size(bytes);
    }
}
