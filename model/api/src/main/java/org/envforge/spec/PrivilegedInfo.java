package org.envforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Privileged information about a task (Gym-Anything's validated_pi.json): facts the checker may
 * use, each with its source and whether it was verified.
 */
public record PrivilegedInfo(List<Item> items, String summary, String confidence, Boolean dataIsSynthetic) {

    public PrivilegedInfo {
        items = List.copyOf(items);
    }

    /** Verification status of one item. */
    public enum Status { VERIFIED, CONTRADICTED, UNVERIFIED }

    /** One fact: its key, the value the task claims, the value checked, the source of the check. */
    public record Item(String key, JsonNode value, JsonNode verifiedValue, String source, Status status) {
    }

    public long count(Status s) {
        return items.stream().filter(i -> i.status() == s).count();
    }
}
