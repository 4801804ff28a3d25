package org.envforge.service;

import org.envforge.action.Action;
import org.envforge.verify.CheckResult;

/** Immutable events of a sandbox run, for the CLI's progress and the GUI's live view. */
public sealed interface SandboxEvent {

    /** A step finished (booted, prepared, ...), with how long it took. */
    record Step(String what, long millis) implements SandboxEvent {
    }

    /** The checker ran ("start" or "end"). */
    record Checked(String phase, CheckResult result) implements SandboxEvent {
    }

    /** An oracle action was taken. */
    record Acted(int index, int total, Action action) implements SandboxEvent {
    }

    /** A screenshot was stored in the blob store. */
    record Shot(String label, String sha256) implements SandboxEvent {
    }
}
