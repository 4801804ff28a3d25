package org.envforge.runtime.kubernetes;

import org.envforge.runtime.RuntimeContract;
import org.envforge.runtime.SandboxRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The runtime contract on a real cluster, only when asked: ENVFORGE_K8S_CONTRACT=1 with a kube
 * config and the ENVFORGE_K8S_* settings (the image must be pullable there). Otherwise skipped, so
 * that a test run never starts pods in whatever cluster the current context points at.
 */
class KubernetesRuntimeContractTest extends RuntimeContract {

    private static KubernetesRuntime runtime;

    @BeforeAll
    static void cluster() {
        Assumptions.assumeTrue("1".equals(System.getenv("ENVFORGE_K8S_CONTRACT")),
                "skipped: set ENVFORGE_K8S_CONTRACT=1 to run the contract on the current kube context");
        runtime = KubernetesRuntime.fromEnvironment();
        Assumptions.assumeTrue(runtime.missing().isEmpty(), () -> "skipped: " + String.join("; ", runtime.missing()));
    }

    @AfterAll
    static void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Override
    protected SandboxRuntime runtime() {
        return runtime;
    }
}
