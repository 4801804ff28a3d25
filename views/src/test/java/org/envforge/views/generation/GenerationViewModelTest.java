package org.envforge.views.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.envforge.engine.GenerationParameters;
import org.envforge.engine.JobEvent;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.JobSpec;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.views.common.DirectTaskRunner;
import org.junit.jupiter.api.Test;

/** The view-model starts a job from the form, routes its events to the parts and reports its end, with a direct task runner. */
class GenerationViewModelTest {

    /** A runner whose job plays fixed events and ends passed. */
    private static final class Played implements JobRunner {
        final List<JobSpec> submitted = new ArrayList<>();
        final CountDownLatch ran = new CountDownLatch(1);
        final List<JobEvent> events;

        Played(JobEvent... events) {
            this.events = List.of(events);
        }

        @Override
        public long submit(JobSpec spec) {
            submitted.add(spec);
            return 5;
        }

        @Override
        public JobInfo run(long job, Consumer<JobEvent> sink) {
            events.forEach(sink);
            ran.countDown();
            return info("done", "passed");
        }

        @Override
        public void cancel(long job) {
        }

        @Override
        public Optional<JobInfo> job(long job) {
            return Optional.of(info("running", "pending"));
        }

        JobInfo info(String status, String item) {
            return new JobInfo(5, submitted.get(0), JobStatus.of(status), Instant.now(), Instant.now(), null,
                    List.of(new JobItem(5, 0, "xterm", "XTerm", "xterm_j5_e1", ItemStatus.of(item), 1, null)));
        }
    }

    @Test
    void aJobStartedFromTheFormRunsAndItsEventsReachTheParts() throws Exception {
        Played runner = new Played(new JobEvent.Started(5, 1, 0), new JobEvent.ItemStarted(5, 0, "xterm_j5_e1", "xterm"),
                new JobEvent.RoundStarted(5, 0, 1), new JobEvent.Message(4, 0, "creator", "a late event of another job"),
                new JobEvent.Message(5, 0, "creator", "wrote it"), new JobEvent.ItemDone(5, 0, "xterm_j5_e1", ItemStatus.PASSED),
                new JobEvent.Done(5, JobStatus.DONE, 1, 0, 0));
        GenerationViewModel vm = new GenerationViewModel(runner, List.of("xterm"), sha -> Optional.empty(), new DirectTaskRunner());
        vm.form().value(GenerationParameters.ROUNDS).set(2);
        vm.start();
        assertThat(runner.ran.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100 && vm.runningProperty().get(); i++) {
            Thread.sleep(20);
        }
        assertThat(runner.submitted).containsExactly(new JobSpec(null, List.of("xterm"), 1, 3, 2, "recipe", "rules", 1, 0, 1));
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.jobIdProperty().get()).isEqualTo(5);
        assertThat(vm.job().environments()).extracting(EnvRow::status).containsExactly(ItemStatus.PASSED);
        assertThat(vm.selectedProperty().get().index()).isZero();
        assertThat(vm.creatorFeed()).extracting(FeedLine::text).contains("Round 1 of 2", "wrote it")
                .doesNotContain("a late event of another job");
        assertThat(vm.statusProperty().get()).isEqualTo("Job 5 done: 1 passed, 0 failed, 0 errors.");
        assertThat(vm.job().progressProperty().get()).isEqualTo("1 of 1 environments done, 1 passed");
        List<long[]> opened = new ArrayList<>();
        vm.setOnOpenAudit((job, index) -> opened.add(new long[] {job, index}));
        vm.openInAuditDebugger();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0)).containsExactly(5, 0);
    }

    @Test
    void aRefusedFormStartsNothingAndSaysWhy() {
        Played runner = new Played();
        GenerationViewModel vm = new GenerationViewModel(runner, List.of("xterm"), sha -> Optional.empty(), new DirectTaskRunner());
        vm.form().value(GenerationParameters.WORKERS).set(0);
        vm.start();
        assertThat(runner.submitted).isEmpty();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Cannot start: Workers (--workers) must be from 1 to 16, was 0");
        vm.form().value(GenerationParameters.WORKERS).set(1);
        vm.softwareProperty().set("");
        vm.start();
        assertThat(vm.statusProperty().get()).startsWith("Cannot start: name a curation set (--set) or some software");
    }
}
