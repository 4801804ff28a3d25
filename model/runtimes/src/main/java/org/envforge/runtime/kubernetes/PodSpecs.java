package org.envforge.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.envforge.runtime.SessionRequest;

/** The session pod's spec, and reading a pod's status back (ready, failed, why). */
final class PodSpecs {

    static final String CONTAINER = "sandbox";
    static final String APP_LABEL = "app";
    static final String APP = "envforge";
    static final String SESSION_LABEL = "envforge/session";
    static final String JOB_LABEL = "envforge/job";
    static final String OWNER_LABEL = "envforge/owner";
    static final String NETWORK_LABEL = "envforge/network";
    static final String HEARTBEAT_ANNOTATION = "envforge/heartbeat";
    static final String NAME_ANNOTATION = "envforge/name";
    static final String CPU_REQUEST = "500m";
    static final String CPU_LIMIT = "2";
    static final String MEMORY_REQUEST = "512Mi";
    /** Kubelet's last resort: a session pod nobody deleted is stopped after six hours. */
    static final long MAX_LIFETIME_SECONDS = 6 * 3600;

    /** Waiting reasons that will not fix themselves: fail at once instead of waiting for the timeout. */
    private static final Set<String> FATAL_WAITING = Set.of("ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull",
            "CreateContainerConfigError", "CrashLoopBackOff", "RunContainerError");

    private PodSpecs() {
    }

    /** A pod name: envforge-NAME-SUFFIX in DNS-1123 form, at most 63 characters. */
    static String podName(String requestName, String suffix) {
        String n = requestName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        if (n.length() > 40) {
            n = n.substring(0, 40).replaceAll("-$", "");
        }
        return "envforge-" + (n.isEmpty() ? "session" : n) + "-" + suffix;
    }

    /** A label value: [A-Za-z0-9_.-], at most 63, starting and ending alphanumeric (empty when nothing is left). */
    static String labelValue(String s) {
        String v = s.replaceAll("[^A-Za-z0-9_.-]+", "_");
        if (v.length() > 63) {
            v = v.substring(0, 63);
        }
        return v.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    static Pod pod(String name, String namespace, String image, String owner, String jobId, SessionRequest request, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(APP_LABEL, APP);
        labels.put(SESSION_LABEL, name);
        labels.put(OWNER_LABEL, owner);
        if (jobId != null && !labelValue(jobId).isEmpty()) {
            labels.put(JOB_LABEL, labelValue(jobId));
        }
        labels.put(NETWORK_LABEL, request.network() ? "allowed" : "none");
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("DISPLAY", PodCommands.DISPLAY, null));
        env.add(new EnvVar("HOME", PodCommands.HOME, null));
        env.add(new EnvVar("LANG", "C.UTF-8", null));
        request.env().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !Set.of("DISPLAY", "HOME").contains(e.getKey()))
                .forEach(e -> env.add(new EnvVar(e.getKey(), e.getValue(), null)));
        Map<String, Quantity> limits = new LinkedHashMap<>();
        limits.put("cpu", new Quantity(CPU_LIMIT));
        if (request.memoryBytes() > 0) {
            limits.put("memory", new Quantity(String.valueOf(request.memoryBytes())));
        }
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                    .addToAnnotations(HEARTBEAT_ANNOTATION, now.toString())
                    .addToAnnotations(NAME_ANNOTATION, request.name())
                .endMetadata()
                .withNewSpec()
                    .withRestartPolicy("Never")
                    .withAutomountServiceAccountToken(false)
                    .withEnableServiceLinks(false)
                    .withShareProcessNamespace(true)
                    .withTerminationGracePeriodSeconds(2L)
                    .withActiveDeadlineSeconds(MAX_LIFETIME_SECONDS)
                    .withNewSecurityContext().withRunAsUser(1000L).withRunAsGroup(1000L).withFsGroup(1000L).withRunAsNonRoot(true)
                        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                    .endSecurityContext()
                    .addNewContainer()
                        .withName(CONTAINER).withImage(image).withImagePullPolicy("IfNotPresent")
                        .withCommand(PodCommands.main(request.width(), request.height()))
                        .withWorkingDir(PodCommands.HOME)
                        .withEnv(env)
                        .withNewResources()
                            .addToRequests("cpu", new Quantity(CPU_REQUEST))
                            .addToRequests("memory", new Quantity(MEMORY_REQUEST))
                            .withLimits(limits)
                        .endResources()
                        .withNewSecurityContext().withAllowPrivilegeEscalation(false)
                            .withNewCapabilities().withDrop("ALL").endCapabilities()
                        .endSecurityContext()
                        .withNewReadinessProbe()
                            .withNewExec().withCommand(PodCommands.ready()).endExec()
                            .withPeriodSeconds(1).withFailureThreshold(1).withTimeoutSeconds(2)
                        .endReadinessProbe()
                    .endContainer()
                .endSpec()
                .build();
    }

    static boolean isReady(Pod p) {
        return p != null && p.getStatus() != null && p.getStatus().getConditions() != null
                && p.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Why the pod will never become ready, if that is already certain. */
    static Optional<String> fatal(Pod p) {
        if (p.getStatus() == null) {
            return Optional.empty();
        }
        String phase = p.getStatus().getPhase();
        if ("Failed".equals(phase) || "Succeeded".equals(phase)) {
            return Optional.of(describe(p));
        }
        for (ContainerStatus cs : containerStatuses(p)) {
            ContainerStateWaiting w = cs.getState() == null ? null : cs.getState().getWaiting();
            if (w != null && FATAL_WAITING.contains(w.getReason())) {
                return Optional.of(describe(p));
            }
            if (cs.getState() != null && cs.getState().getTerminated() != null) {
                return Optional.of(describe(p));
            }
        }
        return Optional.empty();
    }

    /** The phase, container states and false conditions, for error messages. */
    static String describe(Pod p) {
        if (p == null) {
            return "the pod is gone";
        }
        if (p.getStatus() == null) {
            return "phase unknown (no status yet)";
        }
        List<String> parts = new ArrayList<>();
        parts.add("phase " + (p.getStatus().getPhase() == null ? "unknown" : p.getStatus().getPhase())
                + (p.getStatus().getReason() == null ? "" : " (" + p.getStatus().getReason()
                        + (p.getStatus().getMessage() == null ? "" : ": " + p.getStatus().getMessage()) + ")"));
        for (ContainerStatus cs : containerStatuses(p)) {
            if (cs.getState() == null) {
                continue;
            }
            ContainerStateWaiting w = cs.getState().getWaiting();
            ContainerStateTerminated t = cs.getState().getTerminated();
            if (w != null) {
                parts.add("container " + cs.getName() + " waiting: " + w.getReason() + (w.getMessage() == null ? "" : " ("
                        + w.getMessage() + ")"));
            } else if (t != null) {
                parts.add("container " + cs.getName() + " terminated: " + t.getReason() + " exit " + t.getExitCode()
                        + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")"));
            }
        }
        if (p.getStatus().getConditions() != null) {
            for (PodCondition c : p.getStatus().getConditions()) {
                if (!"True".equals(c.getStatus()) && c.getReason() != null) {
                    parts.add(c.getType() + "=" + c.getStatus() + ": " + c.getReason() + (c.getMessage() == null ? "" : " "
                            + c.getMessage()));
                }
            }
        }
        return String.join("; ", parts);
    }

    private static List<ContainerStatus> containerStatuses(Pod p) {
        return p.getStatus().getContainerStatuses() == null ? List.of() : p.getStatus().getContainerStatuses();
    }

    /** The pod's only container (for tests and messages). */
    static Container container(Pod p) {
        return p.getSpec().getContainers().get(0);
    }
}
