package org.envforge.runtime;

import java.time.Duration;
import java.util.List;

/** Runs a command where a session's X display is (on the host beside it, or inside its container or pod). */
@FunctionalInterface
public interface CommandRunner {

    ExecResult run(List<String> command, Duration limit);
}
