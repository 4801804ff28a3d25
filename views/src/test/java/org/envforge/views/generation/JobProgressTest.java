package org.envforge.views.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.envforge.engine.JobEvent;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.JobSpec;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.junit.jupiter.api.Test;

/** The job's environments, the selection that follows the one in progress, the status line and the progress. */
class JobProgressTest {

    private static JobInfo info(String... statuses) {
        List<JobItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            items.add(new JobItem(3, i, "xterm", "XTerm", "xterm_j3_e" + (i + 1), ItemStatus.of(statuses[i]), 0, null));
        }
        return new JobInfo(3, new JobSpec(null, List.of("xterm"), statuses.length, 1, 2, "recipe", "rules", 1, 0, 1), JobStatus.RUNNING,
                Instant.now(), Instant.now(), null, items);
    }

    @Test
    void theJobsEnvironmentsFillInInOrderAndTheFirstIsSelected() {
        JobProgress p = new JobProgress();
        p.starting();
        assertThat(p.runningProperty().get()).isTrue();
        p.apply(new JobEvent.ItemStarted(3, 1, "xterm_j3_e2", "xterm"));
        p.apply(info("pending", "pending"));
        assertThat(p.environments()).extracting(EnvRow::envName).containsExactly("xterm_j3_e1", "xterm_j3_e2");
        assertThat(p.environments()).extracting(EnvRow::status).containsExactly(ItemStatus.PENDING, ItemStatus.PENDING);
        assertThat(p.selectedProperty().get().index()).isEqualTo(1);
        assertThat(p.progressProperty().get()).isEqualTo("0 of 2 environments done, 0 passed");
    }

    @Test
    void theSelectionFollowsTheEnvironmentInProgressUnlessToldNot() {
        JobProgress p = new JobProgress();
        p.apply(info("pending", "pending", "pending"));
        assertThat(p.selectedProperty().get().index()).isZero();
        p.apply(new JobEvent.ItemStarted(3, 1, "xterm_j3_e2", "xterm"));
        assertThat(p.selectedProperty().get().index()).isEqualTo(1);
        assertThat(p.environments().get(1).status()).isEqualTo(ItemStatus.RUNNING);
        p.followProperty().set(false);
        p.apply(new JobEvent.ItemStarted(3, 2, "xterm_j3_e3", "xterm"));
        assertThat(p.selectedProperty().get().index()).isEqualTo(1);
        p.select(0);
        assertThat(p.selectedProperty().get().envName()).isEqualTo("xterm_j3_e1");
        p.select(9);
        assertThat(p.selectedProperty().get().envName()).isEqualTo("xterm_j3_e1");
    }

    @Test
    void roundsStatusesAndTheEndShowInTheRowsAndTheStatusLine() {
        JobProgress p = new JobProgress();
        p.apply(info("pending", "pending"));
        p.apply(new JobEvent.Started(3, 2, 0));
        assertThat(p.statusProperty().get()).isEqualTo("Job 3 running: 2 environments.");
        p.apply(new JobEvent.RoundStarted(3, 0, 2));
        assertThat(p.environments().get(0).round()).isEqualTo(2);
        p.apply(new JobEvent.ItemDone(3, 0, "xterm_j3_e1", ItemStatus.PASSED));
        p.apply(new JobEvent.ItemDone(3, 1, "xterm_j3_e2", ItemStatus.ERROR));
        assertThat(p.progressProperty().get()).isEqualTo("2 of 2 environments done, 1 passed");
        p.apply(new JobEvent.Done(3, JobStatus.DONE, 1, 0, 1));
        assertThat(p.statusProperty().get()).isEqualTo("Job 3 done: 1 passed, 0 failed, 1 error.");
        assertThat(p.statusIsErrorProperty().get()).isFalse();
        p.stopped();
        assertThat(p.runningProperty().get()).isFalse();
    }
}
