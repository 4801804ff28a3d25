package org.envforge.spec;

/**
 * A task's limits.
 *
 * @param timeoutSeconds null when unspecified
 * @param maxSteps null when unspecified
 * @param rewardType sparse or dense, or null
 */
public record Limits(Long timeoutSeconds, Long maxSteps, String rewardType) {
}
