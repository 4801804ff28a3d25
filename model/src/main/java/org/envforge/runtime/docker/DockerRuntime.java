package org.envforge.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.Session;
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
        HostConfig hc = HostConfig.newHostConfig().withNetworkMode(request.network() ? "bridge" : "none")
                .withMemory(request.memoryBytes() > 0 ? request.memoryBytes() : null).withAutoRemove(false)
                .withInit(true).withCapDrop(com.github.dockerjava.api.model.Capability.ALL);
        CreateContainerResponse c = client.createContainerCmd(image).withName(name).withHostConfig(hc)
                .withUser("1000:1000").withWorkingDir(DockerSession.HOME).withEnv("HOME=" + DockerSession.HOME, "DISPLAY=:0")
                .withCmd("sleep", "infinity").withLabels(java.util.Map.of("org.envforge.session", name)).exec();
        try {
            client.startContainerCmd(c.getId()).exec();
            DockerSession s = new DockerSession(client, c.getId(), name, request);
            s.startDisplay();
            return s;
        } catch (RuntimeException e) {
            try {
                client.removeContainerCmd(c.getId()).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // already gone
            }
            throw new SandboxException("cannot start a Docker session from " + image + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
