package org.envforge.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;

/**
 * The embedded default runtime: each session gets its own Xvfb display, and every program it runs
 * (apps, setup and export scripts, probes) runs under bubblewrap with the session folder as HOME.
 */
public final class LocalRuntime implements SandboxRuntime {

    private final Path sessionsRoot;
    private final List<Path> hidden;
    private final boolean keepFolders;

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

    @Override
    public Session start(SessionRequest request) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new SandboxException("the local runtime cannot start; missing: " + String.join("; ", missing));
        }
        String id = request.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = sessionsRoot.resolve(id);
        try {
            Files.createDirectories(dir.resolve("home"));
        } catch (IOException e) {
            throw new SandboxException("cannot create the session folder " + dir + ": " + e.getMessage(), e);
        }
        XvfbDisplay display = XvfbDisplay.start(dir, request.width(), request.height());
        return new LocalSession(id, dir, request, display, hidden, keepFolders);
    }

    public Path sessionsRoot() {
        return sessionsRoot;
    }
}
