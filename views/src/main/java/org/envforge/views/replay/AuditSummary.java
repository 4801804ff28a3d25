package org.envforge.views.replay;

import java.util.List;
import java.util.Locale;
import org.envforge.engine.EngineJson;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.audit.TestTimeAudit;

/** Test-time audits and final verification in a person's words. */
final class AuditSummary {

    private AuditSummary() {
    }

    /** The newest stored test-time audit of a trajectory, or null when none was run or it cannot be read. */
    static TestTimeAudit stored(Trajectory t) {
        if (t == null || t.testTimeAudit() == null || t.testTimeAudit().isBlank()) {
            return null;
        }
        try {
            String json = t.testTimeAudit().strip();
            if (json.startsWith("[")) {
                TestTimeAudit[] all = EngineJson.read(json, TestTimeAudit[].class);
                return all.length == 0 ? null : all[all.length - 1];
            }
            return EngineJson.read(json, TestTimeAudit.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** "Solved", "Partly solved", ... */
    static String solved(TestTimeAudit.Solved s) {
        return switch (s == null ? TestTimeAudit.Solved.UNKNOWN : s) {
            case SOLVED -> "Solved";
            case PARTIAL -> "Partly solved";
            case NOT_SOLVED -> "Not solved";
            case UNKNOWN -> "Cannot tell";
        };
    }

    /** The headline: "Not solved (score 0.50, live, rules)" and whether a done was premature. */
    static String headline(TestTimeAudit a) {
        String s = String.format(Locale.ROOT, "%s \u2014 score %.2f (%s, %s)", solved(a.solved()), a.score(), a.mode(), a.auditor());
        return a.premature() ? s + "; a \"done\" here is premature" : s;
    }

    /** One line per finding: "FAIL cell B2 equals 42: the screen does not show ...". */
    static List<String> findings(TestTimeAudit a) {
        return a.findings().stream().map(AuditSummary::finding).toList();
    }

    static String finding(TestTimeAudit.Finding f) {
        return f.outcome().name() + "  " + f.check() + (f.evidence() == null || f.evidence().isBlank() ? "" : ": " + f.evidence());
    }

    /** The final verification of a run: status, what the agent said, the checker. */
    static String verification(Trajectory t) {
        StringBuilder b = new StringBuilder();
        b.append(t.status().name().toLowerCase(Locale.ROOT)).append(" \u00b7 agent said done: ").append(t.saidDone() ? "yes" : "no")
                .append(" \u00b7 checker: ").append(t.checkerPassed() == null ? "not run" : t.checkerPassed() ? "passed" : "failed");
        if (t.verification() != null && !t.verification().isBlank()) {
            b.append('\n').append(t.verification().strip());
        }
        return b.toString();
    }
}
