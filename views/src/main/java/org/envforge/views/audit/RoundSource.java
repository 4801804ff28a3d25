package org.envforge.views.audit;

import java.util.List;
import org.envforge.engine.GenerationEngine;
import org.envforge.engine.JobInfo;
import org.envforge.engine.RoundRecord;

/** Where the audit debugger reads jobs and their stored rounds; the workbench wires the engine. */
public interface RoundSource {

    /** The newest jobs first. */
    List<JobInfo> jobs(int limit);

    /** An environment's rounds, oldest first. */
    List<RoundRecord> rounds(long job, int index);

    static RoundSource of(GenerationEngine engine) {
        return new RoundSource() {
            @Override
            public List<JobInfo> jobs(int limit) {
                return engine.jobs(limit);
            }

            @Override
            public List<RoundRecord> rounds(long job, int index) {
                return engine.rounds(job, index);
            }
        };
    }
}
