package org.envforge.runtime;

import org.envforge.text.Clip;

/**
 * What a command run in a sandbox did.
 *
 * @param exitCode the exit status, or -1 when it was killed
 * @param timedOut true when the time limit killed it
 */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut, long millis) {

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** Throws a SandboxException naming the command when it failed (with its error output, clipped to a reason's size). */
    public ExecResult orThrow(String what) {
        if (!ok()) {
            throw new SandboxException(what + (timedOut ? " timed out" : " failed with exit code " + exitCode)
                    + (stderr.isBlank() ? "" : ": " + Clip.text(stderr.strip(), Clip.REASON)));
        }
        return this;
    }
}
