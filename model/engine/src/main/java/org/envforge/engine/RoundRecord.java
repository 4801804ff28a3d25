package org.envforge.engine;

import java.time.Instant;
import java.util.List;
import org.envforge.agent.AuditReport;
import org.envforge.agent.Creation;
import org.envforge.agent.TaskEvidence;
import org.envforge.text.Clip;

/**
 * One stored round of an environment: what the creator made (with its notes), the evidence, the
 * audit, and the outcome.
 *
 * @param error why the round could not complete (an agent or sandbox failure), or null; clipped to
 *     {@link Clip#REASON}
 */
public record RoundRecord(long job, int index, int round, String creator, String auditor, Creation creation,
        List<TaskEvidence> evidence, AuditReport audit, boolean passed, String error, Instant started, Instant finished) {

    public RoundRecord {
        error = Clip.text(error, Clip.REASON);
    }
}
