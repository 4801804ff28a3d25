package org.envforge.trajectory.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A test-time audit's answer.
 *
 * @param mode how it decided: "live" (probes and checker in the sandbox), "screen" (OCR of the
 *     final screenshot), "vlm"
 * @param score the share of checks that hold, 0..1
 * @param feedback what to tell the agent when the task is not solved; never gives away expected values
 */
public record TestTimeAudit(String auditor, String mode, Solved solved, double score, List<Finding> findings, String feedback) {

    /** Whether the task is solved. */
    public enum Solved { SOLVED, PARTIAL, NOT_SOLVED, UNKNOWN }

    /** One check and what was seen. */
    public record Finding(String check, Outcome outcome, String evidence) {
    }

    /** A check's outcome. */
    public enum Outcome { PASS, FAIL, UNKNOWN }

    public TestTimeAudit {
        findings = List.copyOf(findings);
    }

    /** A "done" is premature when the audit could decide and the task is not solved. */
    @JsonIgnore
    public boolean premature() {
        return solved == Solved.NOT_SOLVED || solved == Solved.PARTIAL;
    }
}
