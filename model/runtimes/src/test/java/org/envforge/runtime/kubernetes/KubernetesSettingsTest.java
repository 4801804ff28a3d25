package org.envforge.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesSettingsTest {

    @Test
    void defaultsComeFromTheContextThenFallBack() {
        KubernetesSettings d = KubernetesSettings.fromEnvironment(Map.of(), null);
        assertThat(d.namespace()).isEqualTo("default");
        assertThat(d.image()).isEqualTo("envforge/sandbox:latest");
        assertThat(d.maxPods()).isEqualTo(4);
        assertThat(d.startupTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(KubernetesSettings.fromEnvironment(Map.of(), "team-a").namespace()).isEqualTo("team-a");
    }

    @Test
    void environmentVariablesOverride() {
        KubernetesSettings s = KubernetesSettings.fromEnvironment(Map.of("ENVFORGE_K8S_NAMESPACE", "sandboxes", "ENVFORGE_K8S_IMAGE",
                "registry.example/envforge:1", "ENVFORGE_K8S_MAX_PODS", "16", "ENVFORGE_K8S_STARTUP_TIMEOUT", "300",
                "ENVFORGE_K8S_ORPHAN_TTL", "60"), "team-a");
        assertThat(s).isEqualTo(new KubernetesSettings("sandboxes", "registry.example/envforge:1", 16, Duration.ofSeconds(300),
                Duration.ofSeconds(60)));
    }

    @Test
    void badValuesSayWhichVariable() {
        assertThatThrownBy(() -> KubernetesSettings.fromEnvironment(Map.of("ENVFORGE_K8S_MAX_PODS", "0"), null))
                .hasMessageContaining("ENVFORGE_K8S_MAX_PODS must be at least 1");
        assertThatThrownBy(() -> KubernetesSettings.fromEnvironment(Map.of("ENVFORGE_K8S_MAX_PODS", "four"), null))
                .hasMessageContaining("ENVFORGE_K8S_MAX_PODS must be a whole number");
    }

    @Test
    void podNamesAndLabelValuesAreValidForKubernetes() {
        String n = PodSpecs.podName("Gnumeric: Quarterly_Report (v2) " + "x".repeat(80), "0a1b2c3d");
        assertThat(n).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63).endsWith("-0a1b2c3d")
                .startsWith("envforge-gnumeric-quarterly-report-v2-");
        assertThat(PodSpecs.podName("???", "00000000")).isEqualTo("envforge-session-00000000");
        assertThat(PodSpecs.labelValue("job #42/retry-")).isEqualTo("job_42_retry");
        assertThat(PodSpecs.labelValue("j".repeat(100))).hasSize(63);
    }
}
