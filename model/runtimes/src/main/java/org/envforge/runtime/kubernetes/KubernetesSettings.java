package org.envforge.runtime.kubernetes;

import java.time.Duration;
import java.util.Map;

/**
 * Where and how the Kubernetes runtime starts its pods.
 *
 * @param namespace the namespace the pods go in
 * @param image the sandbox image (Xvfb, xdotool, x11-utils, x11-apps and the apps; see docker/Dockerfile)
 * @param maxPods how many session pods this runtime runs at once; starting one more waits for a free slot
 * @param startupTimeout how long a pod may take to become Ready (scheduling, image pull, Xvfb up)
 * @param orphanTtl how old a foreign pod's heartbeat may get before {@link KubernetesRuntime#reapOrphans()} deletes it
 */
public record KubernetesSettings(String namespace, String image, int maxPods, Duration startupTimeout, Duration orphanTtl) {

    public static final String DEFAULT_IMAGE = "envforge/sandbox:latest";
    public static final int DEFAULT_MAX_PODS = 4;
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_ORPHAN_TTL = Duration.ofMinutes(10);

    public KubernetesSettings {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("the Kubernetes namespace is empty");
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("the Kubernetes sandbox image is empty");
        }
        if (maxPods < 1) {
            throw new IllegalArgumentException("ENVFORGE_K8S_MAX_PODS must be at least 1, was " + maxPods);
        }
        if (startupTimeout.isNegative() || startupTimeout.isZero() || orphanTtl.isNegative() || orphanTtl.isZero()) {
            throw new IllegalArgumentException("the Kubernetes startup timeout and orphan TTL must be positive");
        }
    }

    /** Defaults: the given namespace, the docker/ image, 4 pods, 120 s to start, 10 min orphan TTL. */
    public static KubernetesSettings defaults(String namespace) {
        return new KubernetesSettings(namespace, DEFAULT_IMAGE, DEFAULT_MAX_PODS, DEFAULT_STARTUP_TIMEOUT, DEFAULT_ORPHAN_TTL);
    }

    /**
     * From environment variables: ENVFORGE_K8S_NAMESPACE (else the kube config context's namespace, else
     * "default"), ENVFORGE_K8S_IMAGE, ENVFORGE_K8S_MAX_PODS, ENVFORGE_K8S_STARTUP_TIMEOUT and
     * ENVFORGE_K8S_ORPHAN_TTL (seconds).
     */
    public static KubernetesSettings fromEnvironment(Map<String, String> env, String contextNamespace) {
        String ns = nonBlank(env.get("ENVFORGE_K8S_NAMESPACE"));
        if (ns == null) {
            ns = nonBlank(contextNamespace);
        }
        String image = nonBlank(env.get("ENVFORGE_K8S_IMAGE"));
        return new KubernetesSettings(ns == null ? "default" : ns, image == null ? DEFAULT_IMAGE : image,
                intVar(env, "ENVFORGE_K8S_MAX_PODS", DEFAULT_MAX_PODS),
                Duration.ofSeconds(intVar(env, "ENVFORGE_K8S_STARTUP_TIMEOUT", (int) DEFAULT_STARTUP_TIMEOUT.toSeconds())),
                Duration.ofSeconds(intVar(env, "ENVFORGE_K8S_ORPHAN_TTL", (int) DEFAULT_ORPHAN_TTL.toSeconds())));
    }

    public KubernetesSettings withImage(String i) {
        return new KubernetesSettings(namespace, i, maxPods, startupTimeout, orphanTtl);
    }

    public KubernetesSettings withMaxPods(int n) {
        return new KubernetesSettings(namespace, image, n, startupTimeout, orphanTtl);
    }

    public KubernetesSettings withStartupTimeout(Duration d) {
        return new KubernetesSettings(namespace, image, maxPods, d, orphanTtl);
    }

    public KubernetesSettings withOrphanTtl(Duration d) {
        return new KubernetesSettings(namespace, image, maxPods, startupTimeout, d);
    }

    private static int intVar(Map<String, String> env, String name, int dflt) {
        String v = nonBlank(env.get(name));
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was \"" + v + "\"");
        }
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
