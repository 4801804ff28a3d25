package org.envforge.runtime;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The session limits on the local runtime (they hold where EnvForge runs as root; else the guards say not). */
class LocalLimitsTest extends LimitsContract {

    @TempDir
    Path dir;

    @Override
    protected SandboxRuntime runtime() {
        return Sandboxes.local(dir);
    }
}
