package org.envforge.agent;

/**
 * What a creator is asked to make.
 *
 * @param envName the environment's name (unique per job)
 * @param tasks how many tasks the environment gets
 * @param seed the seed for data sampling (the same seed gives the same environment)
 * @param memoryNote lessons from earlier failed audits for this plugin (may be empty)
 * @param faultRate the share of tasks to give a known defect (fault injection; 0 normally)
 */
public record CreationRequest(String plugin, String product, String envName, int tasks, long seed, String memoryNote,
        double faultRate) {
}
