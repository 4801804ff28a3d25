package org.envforge.engine;

import java.util.List;

/**
 * What a generation job makes.
 *
 * @param set the curation set to take the software from, or null
 * @param software plugin ids or catalog product names (used when {@code set} is null)
 * @param envs environments per software
 * @param tasks tasks per environment
 * @param rounds the most audit rounds per environment
 * @param creator recipe or llm
 * @param auditor rules or vlm
 * @param workers environments made in parallel
 * @param faultRate share of tasks given a known defect (fault injection)
 * @param seed base seed (the same job spec and seed make the same tasks)
 */
public record JobSpec(String set, List<String> software, int envs, int tasks, int rounds, String creator, String auditor, int workers,
        double faultRate, long seed) {

    public JobSpec {
        software = software == null ? List.of() : List.copyOf(software);
        if (envs < 1 || tasks < 1 || rounds < 1 || workers < 1) {
            throw new IllegalArgumentException("envs, tasks, rounds and workers must be at least 1");
        }
        if (faultRate < 0 || faultRate > 1) {
            throw new IllegalArgumentException("the fault rate must be between 0 and 1, was " + faultRate);
        }
        if ((set == null || set.isBlank()) && software.isEmpty()) {
            throw new IllegalArgumentException("name a curation set (--set) or some software (--software)");
        }
    }
}
