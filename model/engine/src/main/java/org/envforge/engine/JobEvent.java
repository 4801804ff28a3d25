package org.envforge.engine;

import org.envforge.agent.ItemVerdict;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.text.Clip;

/**
 * Immutable events of a generation job, for the live view and the CLI's progress bar. Their texts
 * are clipped to {@link Clip#REASON}.
 */
public sealed interface JobEvent {

    long job();

    /** The job started (or resumed) with this many environments to make. */
    record Started(long job, int items, int finished) implements JobEvent {
    }

    /** Work on an environment began. */
    record ItemStarted(long job, int index, String envName, String plugin) implements JobEvent {
    }

    /** A round began. */
    record RoundStarted(long job, int index, int round) implements JobEvent {
    }

    /** A message from the creator, the auditor or the engine. */
    record Message(long job, int index, String from, String text) implements JobEvent {

        public Message {
            text = Clip.text(text, Clip.REASON);
        }
    }

    /** A screenshot was stored. */
    record Screenshot(long job, int index, String task, String label, String sha256) implements JobEvent {
    }

    /** An oracle action was taken while gathering evidence. */
    record Action(long job, int index, String task, int step, int steps, String action) implements JobEvent {
    }

    /** The auditor answered one checklist item of one task. */
    record AuditAnswer(long job, int index, String task, ItemVerdict verdict) implements JobEvent {
    }

    /** A round ended. */
    record RoundDone(long job, int index, int round, boolean passed, String error) implements JobEvent {

        public RoundDone {
            error = Clip.text(error, Clip.REASON);
        }
    }

    /** An environment is done: passed, failed (audit failed in its last round) or error. */
    record ItemDone(long job, int index, String envName, ItemStatus status) implements JobEvent {
    }

    /** The job ended: done, cancelled or failed. */
    record Done(long job, JobStatus status, long passed, long failed, long errors) implements JobEvent {
    }
}
