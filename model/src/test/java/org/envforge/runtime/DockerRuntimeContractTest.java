package org.envforge.runtime;

import org.envforge.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The runtime contract on Docker, when an engine answers and the sandbox image exists
 * (ENVFORGE_DOCKER_IMAGE, default envforge/sandbox:latest); otherwise skipped, saying why.
 */
class DockerRuntimeContractTest extends RuntimeContract {

    private static DockerRuntime runtime;

    @BeforeAll
    static void engine() {
        String image = System.getenv().getOrDefault("ENVFORGE_DOCKER_IMAGE", DockerRuntime.DEFAULT_IMAGE);
        runtime = DockerRuntime.fromEnvironment(image);
        Assumptions.assumeTrue(runtime.engineAnswers(), "skipped: no Docker engine");
        Assumptions.assumeTrue(runtime.missing().isEmpty(), () -> "skipped: " + String.join("; ", runtime.missing()));
    }

    @Override
    protected SandboxRuntime runtime() {
        return runtime;
    }
}
