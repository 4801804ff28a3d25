package org.envforge.runtime;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The runtime contract on the local runtime (always). */
class LocalRuntimeContractTest extends RuntimeContract {

    @TempDir
    Path dir;

    private SandboxRuntime runtime;

    @BeforeEach
    void setUp() {
        Sandboxes.requireTools(List.of("xterm"));
        runtime = Sandboxes.local(dir);
    }

    @Override
    protected SandboxRuntime runtime() {
        return runtime;
    }
}
