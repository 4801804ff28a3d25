package org.envforge.runtime;

import java.util.List;

/**
 * Where sessions run: the local runtime (Xvfb + bubblewrap), Docker, or a cluster. One SPI, so the
 * same engine code runs anywhere.
 */
public interface SandboxRuntime {

    /** Short id: local, docker, kubernetes. */
    String id();

    /** Empty when the runtime can start sessions; else what is missing, with how to install it. */
    List<String> missing();

    Session start(SessionRequest request);

    /** What protects and limits sessions on this host, and whether each holds (for doctor). */
    default List<Guard> guards() {
        return List.of();
    }
}
