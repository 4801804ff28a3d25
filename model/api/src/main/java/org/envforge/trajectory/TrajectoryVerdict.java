package org.envforge.trajectory;

/**
 * A curator's verdict on a whole trajectory; only good ones go into training data. (An auditor's
 * answer for a checklist item is an {@link org.envforge.agent.AuditVerdict}.)
 */
public enum TrajectoryVerdict {
    GOOD, BAD, UNSURE
}
