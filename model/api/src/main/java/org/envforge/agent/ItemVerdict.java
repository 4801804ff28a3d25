package org.envforge.agent;

import java.util.List;
import org.envforge.text.Clip;

/**
 * The auditor's verdict on one audit item, with its reason and the evidence it rests on
 * (screenshot hashes, probe names).
 */
public record ItemVerdict(String item, String description, AuditVerdict verdict, String reason, List<String> evidence) {

    /** The reason is clipped to {@link Clip#REASON}: it may quote whatever a sandbox printed. */
    public ItemVerdict {
        reason = Clip.text(reason, Clip.REASON);
        evidence = List.copyOf(evidence);
    }
}
