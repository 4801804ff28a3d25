package org.envforge.host;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.envforge.runtime.ExecResult;

/** Runs trusted host tools (tesseract, ssconvert for previews) with a time limit. */
public final class HostCommands {

    private HostCommands() {
    }

    public static ExecResult run(List<String> command, byte[] stdin, Duration timeout) {
        return ProcessRunner.run(command, Map.of(), null, timeout, stdin);
    }
}
