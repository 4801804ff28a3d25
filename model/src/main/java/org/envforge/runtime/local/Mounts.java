package org.envforge.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.envforge.runtime.SandboxException;

/** Size-limited file systems for session homes (EnvForge as root), and their removal. */
final class Mounts {

    private Mounts() {
    }

    /** Mounts a tmpfs of the given size on the folder, owned by the uid (or by EnvForge's user when uid is -1). */
    static void mountTmpfs(Path dir, long bytes, long uid) {
        String opts = "size=" + bytes + ",mode=0700,nosuid,nodev" + (uid >= 0 ? ",uid=" + uid + ",gid=" + uid : "");
        ProcessRunner.run(List.of("mount", "-t", "tmpfs", "-o", opts, "envforge-home", dir.toString()), Map.of(), null,
                Duration.ofSeconds(10), null).orThrow("mounting the session home " + dir);
    }

    /** The mount points at or below the folder, deepest first. */
    static List<Path> under(Path dir) {
        List<Path> out = new ArrayList<>();
        String prefix = dir.toAbsolutePath().normalize().toString();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] f = line.split(" ");
                if (f.length > 4) {
                    String mp = unescape(f[4]);
                    if (mp.equals(prefix) || mp.startsWith(prefix + "/")) {
                        out.add(Path.of(mp));
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        return out;
    }

    /** Unmounts everything at or below the folder (lazily, so a process still in it cannot keep it). */
    static void unmountUnder(Path dir) {
        for (Path mp : under(dir)) {
            ProcessRunner.run(List.of("umount", "-l", mp.toString()), Map.of(), null, Duration.ofSeconds(10), null);
        }
        if (!under(dir).isEmpty()) {
            throw new SandboxException("cannot unmount " + under(dir) + " (see mount(8))");
        }
    }

    /** mountinfo escapes space, tab, newline and backslash as octal (\\040). */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
