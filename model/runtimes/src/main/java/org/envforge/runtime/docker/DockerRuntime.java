package org.envforge.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.envforge.runtime.Guard;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionLimits;
import org.envforge.runtime.SessionRequest;

/**
 * Sessions in Docker containers through docker-java: the container runs Xvfb and the app; actions,
 * screenshots (xwd), window lists and probes go through exec. The image must hold Xvfb, xdotool,
 * x11-utils (xwininfo), x11-apps (xwd) and the apps (see docs/runtimes.md for a Dockerfile).
 */
public final class DockerRuntime implements SandboxRuntime {

    public static final String DEFAULT_IMAGE = "envforge/sandbox:latest";

    private final DockerClient client;
    private final String image;
    private final String host;

    public DockerRuntime(DockerClient client, String image, String host) {
        this.client = client;
        this.image = image;
        this.host = host;
    }

    /** A client for DOCKER_HOST (or the default unix socket). */
    public static DockerRuntime fromEnvironment(String image) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig()).connectionTimeout(Duration.ofSeconds(3)).responseTimeout(Duration.ofSeconds(60))
                .build();
        return new DockerRuntime(DockerClientImpl.getInstance(config, http), image, config.getDockerHost().toString());
    }

    @Override
    public String id() {
        return "docker";
    }

    /** Empty when an engine answers and has the image; else why not. */
    @Override
    public List<String> missing() {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            return List.of("no Docker engine answers at " + host + " (" + rootMessage(e) + ")");
        }
        try {
            client.inspectImageCmd(image).exec();
        } catch (RuntimeException e) {
            return List.of("the Docker image " + image + " is missing (build it: see docs/runtimes.md)");
        }
        return List.of();
    }

    /** True when an engine answers a ping. */
    public boolean engineAnswers() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Session start(SessionRequest request) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new SandboxException("the Docker runtime cannot start: " + String.join("; ", missing));
        }
        String name = "envforge-" + request.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + UUID.randomUUID().toString().substring(0, 8);
        DockerSession s = new DockerSession(client, name, request, () -> newContainer(name, request));
        try {
            s.boot();
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw new SandboxException("cannot start a Docker session from " + image + ": " + rootMessage(e), e);
        }
    }

    /** Creates and starts a session's container (with no X server yet); its id. */
    private String newContainer(String name, SessionRequest request) {
        SessionLimits l = request.limits();
        // Nothing of the container is writable but its sized tmpfs folders; memory (with no swap beyond it) and
        // processes are limited for the whole container; no capabilities, no new privileges, no network unless asked.
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (String scratch : List.of("/tmp", "/var/tmp", "/run")) {
            tmpfs.put(scratch, "size=" + l.tmpBytes() + ",mode=1777,exec");
        }
        tmpfs.put(DockerSession.HOME, "size=" + l.diskBytes() + ",mode=700,exec,uid=" + DockerSession.USER_ID + ",gid="
                + DockerSession.USER_ID);
        HostConfig hc = HostConfig.newHostConfig().withNetworkMode(request.network() ? "bridge" : "none")
                .withMemory(l.memoryBytes()).withMemorySwap(l.memoryBytes()).withPidsLimit((long) l.processes())
                .withReadonlyRootfs(true).withTmpFs(tmpfs).withShmSize(l.tmpBytes())
                .withUlimits(List.of(new Ulimit("core", 0L, 0L))).withAutoRemove(false)
                .withInit(true).withCapDrop(Capability.ALL).withSecurityOpts(List.of("no-new-privileges"));
        // The container's own processes (the keep-alive, the X server) run as another unprivileged uid than the task's,
        // which therefore cannot signal them.
        CreateContainerResponse c = client.createContainerCmd(image).withName(name).withHostConfig(hc)
                .withUser(DockerSession.INFRA_ID + ":" + DockerSession.INFRA_ID).withWorkingDir("/")
                .withEnv("HOME=" + DockerSession.HOME, "DISPLAY=:0").withEntrypoint("sleep", "infinity").withCmd(List.of())
                .withLabels(Map.of("org.envforge.session", name)).exec();
        try {
            client.startContainerCmd(c.getId()).exec();
            return c.getId();
        } catch (RuntimeException e) {
            try {
                client.removeContainerCmd(c.getId()).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // already gone
            }
            throw e;
        }
    }

    @Override
    public List<Guard> guards() {
        SessionLimits l = SessionLimits.DEFAULT;
        return List.of(
                new Guard("runs as", true, "uid " + DockerSession.USER_ID + " in a container, no capabilities, no new privileges; "
                        + "the container's own processes run as uid " + DockerSession.INFRA_ID),
                new Guard("network", true, "none unless a task asks for it"),
                new Guard("memory", true, Guard.size(l.memoryBytes()) + " for the whole container, no swap beyond it"),
                new Guard("processes", true, l.processes() + " per container"),
                new Guard("disk", true, "read-only root; " + Guard.size(l.diskBytes()) + " home and " + Guard.size(l.tmpBytes())
                        + " per scratch folder (tmpfs)"),
                new Guard("output", true, (DockerSession.MAX_OUTPUT >> 20) + " MiB kept per command"));
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
