package org.envforge.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.envforge.host.HostTools;
import org.envforge.runtime.local.LocalRuntime;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support for sandbox tests: a local runtime under a temporary folder. When the host lacks
 * Xvfb, bubblewrap or xdotool the tests are skipped with the reason, unless
 * -Denvforge.requireSandbox=true (./test sets it after installing them), where they fail.
 */
public final class Sandboxes {

    private Sandboxes() {
    }

    public static LocalRuntime local(Path dir) {
        requireTools(List.of());
        return new LocalRuntime(dir.resolve("sessions"), List.of(dir.resolve("data")), false);
    }

    /** Also requires the given programs (an app under test). */
    public static void requireTools(List<String> programs) {
        List<String> missing = new java.util.ArrayList<>(HostTools.missing(HostTools.REQUIRED));
        for (String p : programs) {
            if (HostTools.which(p).isEmpty()) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String msg = "sandbox tools missing: " + String.join("; ", missing) + " (run ./test as root, or scripts/ensure-tools test)";
        if (Boolean.getBoolean("envforge.requireSandbox")) {
            fail(msg);
        }
        Assumptions.abort(msg);
    }
}
