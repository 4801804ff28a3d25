package org.envforge.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a session needs.
 *
 * @param name a label for logs and the session folder
 * @param network whether programs in the sandbox may reach the network
 * @param commandTimeout the time limit of each command run in the sandbox
 * @param limits what the whole session may use (memory, processes, disk)
 * @param env extra environment variables for sandboxed programs
 */
public record SessionRequest(String name, int width, int height, boolean network, Duration commandTimeout, SessionLimits limits,
        Map<String, String> env) {

    public SessionRequest {
        if (width < 320 || height < 200 || width > 7680 || height > 4320) {
            throw new IllegalArgumentException("screen size out of range: " + width + "x" + height);
        }
        env = Map.copyOf(env);
    }

    /** A request with the default limits but the given memory for the whole session. */
    public SessionRequest(String name, int width, int height, boolean network, Duration commandTimeout, long memoryBytes,
            Map<String, String> env) {
        this(name, width, height, network, commandTimeout, SessionLimits.DEFAULT.withMemory(memoryBytes), env);
    }

    /** The env entry naming the generation job a session works for (runtimes may label the sandbox with it). */
    public static final String JOB_ENV = "ENVFORGE_JOB_ID";

    /** 1280x800, no network, 60 s per command, {@link SessionLimits#DEFAULT}. */
    public static SessionRequest defaults(String name) {
        return new SessionRequest(name, 1280, 800, false, Duration.ofSeconds(60), SessionLimits.DEFAULT, Map.of());
    }

    /** The memory of the whole session. */
    public long memoryBytes() {
        return limits.memoryBytes();
    }

    public SessionRequest withNetwork(boolean n) {
        return new SessionRequest(name, width, height, n, commandTimeout, limits, env);
    }

    public SessionRequest withCommandTimeout(Duration d) {
        return new SessionRequest(name, width, height, network, d, limits, env);
    }

    public SessionRequest withMemory(long bytes) {
        return withLimits(limits.withMemory(bytes));
    }

    public SessionRequest withLimits(SessionLimits l) {
        return new SessionRequest(name, width, height, network, commandTimeout, l, env);
    }

    public SessionRequest withSize(int w, int h) {
        return new SessionRequest(name, w, h, network, commandTimeout, limits, env);
    }

    /** This request for a generation job's work (see {@link #JOB_ENV}). */
    public SessionRequest forJob(long job) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(JOB_ENV, Long.toString(job));
        return new SessionRequest(name, width, height, network, commandTimeout, limits, e);
    }
}
