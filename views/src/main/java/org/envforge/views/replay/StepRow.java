package org.envforge.views.replay;

import java.util.Set;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;

/**
 * One step as lists show it: the step and what people said about it.
 *
 * @param trajectory the trajectory's id (a cell checks it before showing a late thumbnail)
 * @param annotation tags and note, or null when there are none
 */
public record StepRow(long trajectory, Step step, StepAnnotation annotation) {

    public int index() {
        return step.index();
    }

    /** The step's actions failed. */
    public boolean failed() {
        return step.error() != null && !step.error().isBlank();
    }

    public Set<String> tags() {
        return annotation == null ? Set.of() : annotation.tags();
    }

    public boolean tagged() {
        return !tags().isEmpty();
    }

    public String note() {
        return annotation == null || annotation.note() == null ? "" : annotation.note();
    }

    public StepRow with(StepAnnotation a) {
        return new StepRow(trajectory, step, a);
    }
}
