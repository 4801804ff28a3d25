package org.envforge.trajectory;

import java.util.Set;

/** What a person said about one step: tags and a free note. */
public record StepAnnotation(int index, Set<String> tags, String note) {

    /** The tags people use most; any other tag is allowed. */
    public static final java.util.List<String> COMMON_TAGS = java.util.List.of("mis-click", "wrong-window", "premature-done",
            "good-recovery", "retry-loop", "typo", "wrong-value", "verification-check", "hallucination", "efficient");

    public StepAnnotation {
        tags = Set.copyOf(tags);
    }
}
