package org.envforge.agent;

import java.util.List;
import java.util.Map;

/**
 * A creator's output: the environment, the creator's notes (its reasoning; never shown to the
 * auditor), and, under fault injection, which task got which defect (never shown to the auditor
 * either; used to score it).
 */
public record Creation(EnvironmentDraft environment, List<String> notes, Map<String, Defect> injected) {

    public Creation {
        notes = List.copyOf(notes);
        injected = Map.copyOf(injected);
    }
}
