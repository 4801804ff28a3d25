package org.envforge.engine;

import java.time.Instant;
import java.util.List;

/** A job with its items, as stored. */
public record JobInfo(long id, JobSpec spec, String status, Instant created, Instant updated, String message, List<JobItem> items) {

    public JobInfo {
        items = List.copyOf(items);
    }

    public long count(String itemStatus) {
        return items.stream().filter(i -> i.status().equals(itemStatus)).count();
    }
}
