package org.envforge.trajectory.audit;

/**
 * Checks, when an agent says it is done, whether the task is really solved; a "done" on an
 * unsolved task is premature. Implementations: the rule auditor (privileged checker and probes
 * when the sandbox is live, OCR of the final screen against the checklist otherwise) and, with an
 * endpoint configured, a VLM that reviews the final screenshots.
 */
public interface TestTimeAuditor {

    String id();

    TestTimeAudit audit(FinalState state);
}
