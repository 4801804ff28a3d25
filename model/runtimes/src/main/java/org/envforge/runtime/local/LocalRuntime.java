package org.envforge.runtime.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.envforge.host.HostTools;
import org.envforge.runtime.Guard;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionLimits;
import org.envforge.runtime.SessionRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default runtime: each session gets its own Xvfb display, and every program it runs
 * (apps, setup and export scripts, probes) runs under bubblewrap with the session folder as HOME,
 * confined as {@link Confinement} says. Before its first session it removes what sessions of an
 * EnvForge that was killed left behind (folders, control groups, X locks).
 */
public final class LocalRuntime implements SandboxRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    /** The file in a session folder that names the process owning it ("PID START-MILLIS"). */
    static final String OWNER = "owner";
    /** The file in a session folder kept for debugging after close. */
    static final String KEPT = "kept";

    private final Path sessionsRoot;
    private final List<Path> hidden;
    private final boolean keepFolders;
    private volatile Confinement confinement;
    private volatile boolean swept;

    /**
     * @param sessionsRoot where session folders go (sessions/ID)
     * @param hidden host folders sandboxed programs must not see (the data folder, homes); the
     *     sessions root, /root and /home are always hidden
     * @param keepFolders keep session folders after close (for debugging)
     */
    public LocalRuntime(Path sessionsRoot, List<Path> hidden, boolean keepFolders) {
        this.sessionsRoot = sessionsRoot.toAbsolutePath().normalize();
        Set<Path> h = new LinkedHashSet<>();
        h.add(this.sessionsRoot);
        h.add(Path.of("/root"));
        h.add(Path.of("/home"));
        h.add(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize());
        hidden.forEach(p -> h.add(p.toAbsolutePath().normalize()));
        this.hidden = List.copyOf(h);
        this.keepFolders = keepFolders;
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public List<String> missing() {
        List<String> m = new ArrayList<>(HostTools.missing(HostTools.REQUIRED));
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            m.add("Linux (the local runtime uses Xvfb and bubblewrap)");
        }
        return m;
    }

    private Confinement confinement() {
        Confinement c = confinement;
        if (c == null) {
            synchronized (this) {
                if (confinement == null) {
                    confinement = Confinement.detect();
                }
                c = confinement;
            }
        }
        return c;
    }

    @Override
    public List<Guard> guards() {
        return confinement().guards(SessionLimits.DEFAULT);
    }

    @Override
    public Session start(SessionRequest request) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new SandboxException("the local runtime cannot start; missing: " + String.join("; ", missing));
        }
        Confinement conf = confinement();
        sweepOnce();
        String id = request.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = sessionsRoot.resolve(id);
        Path home = dir.resolve("home");
        Optional<Cgroups.Group> cgroup = Optional.empty();
        Optional<HomeNamespace> homeNs = Optional.empty();
        XvfbDisplay display = null;
        try {
            Files.createDirectories(home);
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(dir.resolve(OWNER), self.pid() + " " + self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L));
            SessionLimits limits = request.limits();
            cgroup = conf.cgroups().map(c -> c.create(id, limits.memoryBytes(), limits.processes()));
            display = XvfbDisplay.start(dir, request.width(), request.height(), conf, cgroup);
            long uid = display.uid();
            if (conf.homeQuota()) {
                homeNs = Optional.of(HomeNamespace.start(home, limits.diskBytes(), uid));
            }
            Bubblewrap.Identity identity = new Bubblewrap.Identity(uid, cgroup, writeUserFile(dir, "passwd", uid),
                    writeUserFile(dir, "group", uid), homeNs);
            if (uid >= 0) {
                Owners.own(home, uid);
            }
            LOG.debug("local session {} started in {} ({}x{}, uid {}, cgroup {}, disk quota {})", id, dir, request.width(),
                    request.height(), uid < 0 ? "own" : uid, cgroup.isPresent(), homeNs.isPresent());
            return new LocalSession(id, dir, request, display, hidden, keepFolders, identity);
        } catch (IOException | RuntimeException e) {
            LOG.debug("local session {} did not start", id, e);
            homeNs.ifPresent(HomeNamespace::close);
            if (display != null) {
                display.close();
            }
            cgroup.ifPresent(g -> {
                g.killAll();
                g.remove();
            });
            LocalSession.removeFolder(dir);
            if (e instanceof SandboxException se) {
                throw se;
            }
            throw new SandboxException("cannot start a session in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The session's /etc/passwd or /etc/group: the sandbox user first (so its uid has a name and
     * the home folder), then the host's entries with another name and id.
     */
    private static Path writeUserFile(Path dir, String which, long hostUid) throws IOException {
        long uid = hostUid >= 0 ? hostUid : Bubblewrap.UID;
        String first = which.equals("passwd")
                ? Bubblewrap.USER + ":x:" + uid + ":" + uid + ":EnvForge sandbox:" + Bubblewrap.HOME + ":/bin/bash"
                : Bubblewrap.USER + ":x:" + uid + ":";
        StringBuilder out = new StringBuilder(first).append('\n');
        Path host = Path.of("/etc", which);
        if (Files.isRegularFile(host)) {
            for (String line : Files.readAllLines(host, StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && !f[0].equals(Bubblewrap.USER) && !f[2].equals(Long.toString(uid))) {
                    out.append(line).append('\n');
                }
            }
        }
        Path file = dir.resolve(which);
        Files.writeString(file, out.toString());
        return file;
    }

    private void sweepOnce() {
        if (swept) {
            return;
        }
        synchronized (this) {
            if (!swept) {
                sweep();
                swept = true;
            }
        }
    }

    /**
     * Removes what sessions of a killed EnvForge left: their folders and control groups when the
     * process named in their owner file is gone, and stale X locks. (A home's file system went with
     * its namespace when EnvForge died.)
     * Sessions of EnvForge processes still running are left alone.
     */
    public List<String> sweep() {
        List<String> removed = new ArrayList<>();
        XvfbDisplay.reclaimStale();
        if (!Files.isDirectory(sessionsRoot)) {
            return removed;
        }
        List<Path> stale;
        try (Stream<Path> s = Files.list(sessionsRoot)) {
            stale = s.filter(Files::isDirectory).filter(LocalRuntime::abandoned).toList();
        } catch (IOException e) {
            return removed;
        }
        Optional<Cgroups> cg = confinement().cgroups();
        for (Path d : stale) {
            String id = d.getFileName().toString();
            cg.ifPresent(c -> c.groupsOf(List.of(id)).forEach(g -> {
                g.killAll();
                g.remove();
            }));
            if (LocalSession.removeFolder(d)) {
                removed.add(id);
            }
        }
        cg.ifPresent(c -> c.emptyGroups().forEach(Cgroups.Group::remove));
        return removed;
    }

    /** True when the session folder's owner process has gone (and it was not kept on purpose). */
    private static boolean abandoned(Path dir) {
        if (Files.exists(dir.resolve(KEPT))) {
            return false;
        }
        Path owner = dir.resolve(OWNER);
        try {
            if (!Files.exists(owner)) {
                // A folder being created right now has no owner file yet; older ones were left by an older EnvForge.
                return Files.getLastModifiedTime(dir).toMillis() < System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();
            }
            String[] f = Files.readString(owner).strip().split(" ");
            long pid = Long.parseLong(f[0]);
            long started = Long.parseLong(f[1]);
            return ProcessHandle.of(pid).filter(p -> Pids.running(p.pid()))
                    .map(p -> p.info().startInstant().map(i -> Math.abs(i.toEpochMilli() - started) > 1000).orElse(false))
                    .orElse(true);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public Path sessionsRoot() {
        return sessionsRoot;
    }
}
