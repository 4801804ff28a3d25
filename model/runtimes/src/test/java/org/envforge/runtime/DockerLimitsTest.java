package org.envforge.runtime;

import org.junit.jupiter.api.BeforeAll;

/** The session limits on Docker, when an engine answers and the sandbox image exists (see {@link DockerRuntimeContractTest}). */
class DockerLimitsTest extends LimitsContract {

    @BeforeAll
    static void engine() {
        DockerRuntimeContractTest.engine();
    }

    @Override
    protected SandboxRuntime runtime() {
        return DockerRuntimeContractTest.runtime;
    }
}
