package org.envforge.views.audit;

import java.util.List;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskEvidence;

/**
 * One audit item of one task in a round, with the evidence gathered for that task (null when the
 * round failed before any was gathered).
 */
public record Finding(String task, ItemVerdict verdict, TaskEvidence evidence) {

    /** The item a round that could not finish shows: its error. */
    public static final String ROUND_ERROR = "round_error";

    static Finding roundError(String error) {
        return new Finding("", new ItemVerdict(ROUND_ERROR, "The round runs to its end.", AuditVerdict.FAIL, error, List.of()), null);
    }
}
