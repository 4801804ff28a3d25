package org.envforge.service;

import org.envforge.plugin.TaskDraft;
import org.envforge.verify.CheckResult;

/**
 * The outcome of running a template's task end to end: the checker must fail on the start state
 * and pass after the oracle.
 *
 * @param startShot SHA-256 of the start screenshot in the blob store
 * @param endShot SHA-256 of the final screenshot
 */
public record SandboxRun(String plugin, TaskDraft task, CheckResult atStart, CheckResult atEnd, String startShot, String endShot,
        long bootMillis, long prepareMillis, long oracleMillis, String runtime) {

    /** The task is sound: not solved at the start, solved by its oracle. */
    public boolean verified() {
        return !atStart.passed() && atEnd.passed();
    }
}
