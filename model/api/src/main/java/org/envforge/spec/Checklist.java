package org.envforge.spec;

import java.util.List;

/**
 * The VLM checklist of a task (Gym-Anything's vlm_checklist.json): completion items with points
 * and visual evidence, integrity items, and the privileged note for the checker. Scoring: pass =
 * full points, partial = half; an integrity failure zeroes the score.
 */
public record Checklist(List<Item> completion, List<IntegrityItem> integrity, String privilegedInfo) {

    public Checklist {
        completion = List.copyOf(completion);
        integrity = List.copyOf(integrity);
    }

    public double totalPoints() {
        return completion.stream().mapToDouble(Item::points).sum();
    }

    /** A completion item. */
    public record Item(String id, String description, double points, String visualEvidence) {
    }

    /** An integrity item: how the task must (not) be done. */
    public record IntegrityItem(String id, String description, String visualEvidence) {
    }
}
