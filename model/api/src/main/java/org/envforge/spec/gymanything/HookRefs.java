package org.envforge.spec.gymanything;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.envforge.spec.Problem;
import org.envforge.spec.SafeFolder;

/**
 * Resolves the script files that hook commands name ("/workspace/tasks/x/setup_task.sh",
 * "powershell -File C:\workspace\scripts\setup.ps1") to paths inside the environment folder,
 * through the environment's mounts (source folder in the repository -> target in the guest).
 */
public final class HookRefs {

    /** A mount: the folder inside the environment (relative) and where the guest sees it. */
    record Mount(String folder, String target) {
    }

    private final String envName;
    private final List<Mount> mounts;

    private HookRefs(String envName, List<Mount> mounts) {
        this.envName = envName;
        this.mounts = mounts;
    }

    /**
     * Reads the mounts of an env.json, refusing unsafe ones (absolute host paths, paths that climb
     * out of the repository).
     */
    public static HookRefs of(String envName, JsonNode envDoc, String file, List<Problem> problems) {
        List<Mount> mounts = new ArrayList<>();
        JsonNode arr = envDoc.path("mounts");
        if (arr.isArray()) {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode m = arr.get(i);
                String pointer = "/mounts/" + i;
                String source = m.path("source").asText("");
                String target = m.path("target").asText("");
                if (source.isEmpty() || target.isEmpty()) {
                    problems.add(Problem.error(file, pointer, "a mount needs a source and a target"));
                    continue;
                }
                String safe = SafeFolder.checkRelative(source, file, pointer + "/source", problems);
                if (safe == null) {
                    continue;
                }
                String folder = folderInEnv(safe, envName);
                if (folder == null) {
                    problems.add(Problem.warning(file, pointer + "/source", "mounts " + source
                            + ", which is outside this environment's folder; its files are not imported"));
                    continue;
                }
                mounts.add(new Mount(folder, "/" + trimSlash(guestPath(target))));
            }
        }
        return new HookRefs(envName, mounts);
    }

    /** "benchmarks/cua_world/environments/calc_env/scripts" -> "scripts"; the env root -> "". */
    static String folderInEnv(String source, String envName) {
        String s = "/" + source;
        String marker = "/" + envName;
        int i = s.lastIndexOf(marker + "/");
        if (i >= 0) {
            return trimSlash(s.substring(i + marker.length() + 1));
        }
        if (s.endsWith(marker)) {
            return "";
        }
        return null;
    }

    /**
     * The environment-relative file a command names, if it names one under a mount. Commands that
     * name no script (plain shell) give empty. A relative script path that climbs out of the folder
     * is reported as unsafe.
     */
    public Optional<String> resolve(String command, String file, String pointer, List<Problem> problems) {
        for (String token : scriptTokens(command)) {
            String guest = guestPath(token);
            if (guest.startsWith("/")) {
                for (Mount m : mounts) {
                    if (guest.equals(m.target) || guest.startsWith(m.target + "/")) {
                        String rest = guest.substring(m.target.length());
                        String rel = trimSlash((m.folder.isEmpty() ? "" : m.folder + "/") + trimSlash(rest));
                        return Optional.ofNullable(SafeFolder.checkRelative(rel, file, pointer, problems));
                    }
                }
                // A guest path outside every mount (an installed program): not a file of this folder.
                continue;
            }
            return Optional.ofNullable(SafeFolder.checkRelative(guest, file, pointer, problems));
        }
        return Optional.empty();
    }

    /** Tokens of a command that look like script files (by extension). */
    static List<String> scriptTokens(String command) {
        List<String> out = new ArrayList<>();
        for (String raw : command.trim().split("\\s+")) {
            String t = raw.replaceAll("^[\"']|[\"';]$", "");
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".sh") || lower.endsWith(".ps1") || lower.endsWith(".py") || lower.endsWith(".bash")
                    || lower.endsWith(".bat") || lower.endsWith(".cmd")) {
                out.add(t);
            }
        }
        return out;
    }

    /** Windows paths (C:\workspace\x) as guest paths (/workspace/x). */
    static String guestPath(String p) {
        String s = p.replace('\\', '/');
        if (s.matches("^[A-Za-z]:/.*")) {
            s = s.substring(2);
        }
        return s;
    }

    private static String trimSlash(String s) {
        String t = s;
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    public String envName() {
        return envName;
    }
}
