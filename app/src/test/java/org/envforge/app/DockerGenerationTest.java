package org.envforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envforge.job.ItemStatus;
import org.envforge.runtime.docker.DockerRuntime;
import org.envforge.store.Jobs;
import org.envforge.store.Store;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short generation job on the Docker runtime, through the real CLI (ENVFORGE_RUNTIME=docker):
 * the embedded creator and auditor, evidence from containers, every environment audited. Runs
 * where an engine answers and the sandbox image exists (./test as root prepares both with
 * scripts/ensure-docker); otherwise skipped, saying why.
 */
class DockerGenerationTest {

    @TempDir
    Path dir;

    @Test
    void aJobRunsOnDocker() throws Exception {
        String image = System.getenv().getOrDefault("ENVFORGE_DOCKER_IMAGE", DockerRuntime.DEFAULT_IMAGE);
        List<String> missing = DockerRuntime.fromEnvironment(image).missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: " + String.join("; ", missing)
                + " (./test as root prepares Docker with scripts/ensure-docker)");
        Path data = dir.resolve("data");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString(), "generate", "--software",
                "xterm", "--envs", "1", "--tasks", "2", "--rounds", "2", "--quiet");
        pb.environment().put("ENVFORGE_RUNTIME", "docker");
        Path log = dir.resolve("generate.log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the job ends").isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("1 passed, 0 failed, 0 errors of 1 environments");
        try (Store s = Store.open(data)) {
            Jobs jobs = new Jobs(s);
            assertThat(jobs.items(1)).extracting(Jobs.ItemRow::status).containsExactly(ItemStatus.PASSED);
            // The evidence came from the containers: screenshots were stored.
            assertThat(jobs.rounds(1, 0)).isNotEmpty();
        }
        try (var blobs = Files.walk(data.resolve("blobs"))) {
            assertThat(blobs.filter(Files::isRegularFile).count()).isGreaterThan(2);
        }
    }
}
