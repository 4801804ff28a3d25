package org.envforge.engine;

import java.time.Instant;
import java.util.List;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;

/** A job with its items, as stored. */
public record JobInfo(long id, JobSpec spec, JobStatus status, Instant created, Instant updated, String message, List<JobItem> items) {

    public JobInfo {
        items = List.copyOf(items);
    }

    public long count(ItemStatus itemStatus) {
        return items.stream().filter(i -> i.status() == itemStatus).count();
    }
}
