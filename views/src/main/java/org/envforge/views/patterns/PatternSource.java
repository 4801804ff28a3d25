package org.envforge.views.patterns;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envforge.engine.AuditFailure;
import org.envforge.engine.GenerationEngine;

/** Where the failure patterns come from: the engine's recorded audit failures and memory notes. */
public interface PatternSource {

    /** plugin -> audit item -> failures. */
    Map<String, Map<String, Integer>> failureCounts();

    /** Every failure with its time, oldest first. */
    List<AuditFailure> failures();

    /** A plugin's memory note (lessons from its failed audits). */
    Optional<String> memory(String plugin);

    static PatternSource of(GenerationEngine engine) {
        return new PatternSource() {
            @Override
            public Map<String, Map<String, Integer>> failureCounts() {
                return engine.failureCounts();
            }

            @Override
            public List<AuditFailure> failures() {
                return engine.failures();
            }

            @Override
            public Optional<String> memory(String plugin) {
                return engine.memory(plugin);
            }
        };
    }
}
