package org.envforge.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.envforge.runtime.SandboxException;

/** Gives files EnvForge makes for a session to the session's own uid (when EnvForge runs as root). */
final class Owners {

    private Owners() {
    }

    static void own(Path p, long uid) {
        try {
            Files.setAttribute(p, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", (int) uid, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("cannot give " + p + " to the sandbox user " + uid + ": " + e.getMessage(), e);
        }
    }
}
