package org.envforge.agent;

import java.util.List;

/**
 * The auditor's verdict on one audit item, with its reason and the evidence it rests on
 * (screenshot hashes, probe names).
 */
public record ItemVerdict(String item, String description, Verdict verdict, String reason, List<String> evidence) {

    public ItemVerdict {
        evidence = List.copyOf(evidence);
    }
}
