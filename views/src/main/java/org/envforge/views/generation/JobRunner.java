package org.envforge.views.generation;

import java.util.Optional;
import java.util.function.Consumer;
import org.envforge.engine.GenerationEngine;
import org.envforge.engine.JobEvent;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobSpec;

/**
 * What the live generation view needs of the engine: submit a job, run it (blocking, with events
 * from worker threads), cancel it, read it. The workbench wires it to the {@link GenerationEngine};
 * tests script it.
 */
public interface JobRunner {

    long submit(JobSpec spec);

    /** Runs the job to its end; blocks. Events may arrive on any thread. */
    JobInfo run(long job, Consumer<JobEvent> events);

    void cancel(long job);

    Optional<JobInfo> job(long job);

    /** The engine's jobs, as a runner. */
    static JobRunner of(GenerationEngine engine) {
        return new JobRunner() {
            @Override
            public long submit(JobSpec spec) {
                return engine.submit(spec);
            }

            @Override
            public JobInfo run(long job, Consumer<JobEvent> events) {
                return engine.run(job, events);
            }

            @Override
            public void cancel(long job) {
                engine.cancel(job);
            }

            @Override
            public Optional<JobInfo> job(long job) {
                return engine.job(job);
            }
        };
    }
}
