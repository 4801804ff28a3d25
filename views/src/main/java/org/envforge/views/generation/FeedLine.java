package org.envforge.views.generation;

import org.envforge.agent.AuditVerdict;

/**
 * One line of the creator's or the auditor's stream.
 *
 * @param kind creator, engine, action, round, auditor or verdict
 * @param task the task it is about, or ""
 * @param verdict the verdict of a verdict line, else null
 */
public record FeedLine(String kind, String task, String text, AuditVerdict verdict) {

    public static FeedLine of(String kind, String task, String text) {
        return new FeedLine(kind, task == null ? "" : task, text, null);
    }
}
