package org.envforge.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where EnvForge keeps its data: {@code --data-dir} if given, else {@code $ENVFORGE_HOME}, else
 * {@code $XDG_DATA_HOME/envforge}, else {@code ~/.local/share/envforge}.
 */
public final class DataDirs {

    private DataDirs() {
    }

    public static Path resolve(Optional<Path> option, Map<String, String> env, Path userHome) {
        if (option.isPresent()) {
            return option.get().toAbsolutePath().normalize();
        }
        String home = env.get("ENVFORGE_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "envforge").normalize();
        }
        return userHome.resolve(".local/share/envforge").toAbsolutePath().normalize();
    }

    /** Resolves with this process's environment and home. */
    public static Path resolve(Optional<Path> option) {
        return resolve(option, System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
