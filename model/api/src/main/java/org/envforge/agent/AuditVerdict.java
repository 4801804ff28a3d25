package org.envforge.agent;

/**
 * An auditor's answer for one checklist item of a task it audits (see {@link ItemVerdict}); a curator's
 * judgement of a recorded run is a {@link org.envforge.trajectory.TrajectoryVerdict}.
 */
public enum AuditVerdict {
    PASS, PARTIAL, FAIL
}
