package org.envforge.runtime;

import org.envforge.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The runtime contract on Docker, when an engine answers and the sandbox image exists
 * (ENVFORGE_DOCKER_IMAGE, default envforge/sandbox:latest); otherwise skipped, saying why
 * (quoting what scripts/ensure-docker, run by ./test as root, could not do).
 */
class DockerRuntimeContractTest extends RuntimeContract {

    static DockerRuntime runtime;

    @BeforeAll
    static void engine() {
        String image = System.getenv().getOrDefault("ENVFORGE_DOCKER_IMAGE", DockerRuntime.DEFAULT_IMAGE);
        runtime = DockerRuntime.fromEnvironment(image);
        String why = ensureDockerSaid();
        Assumptions.assumeTrue(runtime.engineAnswers(), () -> "skipped: no Docker engine" + why);
        Assumptions.assumeTrue(runtime.missing().isEmpty(), () -> "skipped: " + String.join("; ", runtime.missing()) + why);
    }

    /** What scripts/ensure-docker wrote about why it could not prepare Docker, if anything. */
    static String ensureDockerSaid() {
        java.nio.file.Path status = java.nio.file.Path.of(System.getenv().getOrDefault("ENVFORGE_DOCKER_STATUS",
                "/tmp/envforge-docker-status"));
        try {
            return java.nio.file.Files.isRegularFile(status) ? " (scripts/ensure-docker: "
                    + java.nio.file.Files.readString(status).strip() + ")"
                    : " (run scripts/ensure-docker as root to start an engine and build the image)";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Override
    protected SandboxRuntime runtime() {
        return runtime;
    }
}
