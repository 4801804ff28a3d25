package org.envforge.views.generation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import org.envforge.engine.GenerationParameters;
import org.envforge.engine.JobEvent;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobSpec;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.EventBridge;
import org.envforge.views.common.TaskRunner;

/**
 * State and actions of the live generation view, one part per sub-view: the {@link GenerationForm}
 * that starts a job, the job's {@link JobProgress} (its environments, the selection, the status
 * line) and the selected environment's {@link EnvironmentDetail} (streams, checklist, round,
 * screenshots). This class starts, runs and cancels the job: it runs on its own thread, and its
 * events reach the FX thread through one {@link EventBridge} and go to the parts.
 */
public final class GenerationViewModel {

    private final JobRunner runner;
    private final TaskRunner ui;
    private final EventBridge<JobEvent> bridge;
    private final GenerationForm form;
    private final JobProgress job = new JobProgress();
    private final EnvironmentDetail detail;
    private BiConsumer<Long, Integer> openAudit = (id, index) -> { };

    /**
     * @param plugins the installed plugins' ids (the software a job can make)
     * @param blobs PNG bytes of a screenshot by its SHA-256
     */
    public GenerationViewModel(JobRunner runner, List<String> plugins, Function<String, Optional<byte[]>> blobs, TaskRunner ui) {
        this.runner = runner;
        this.ui = ui;
        this.form = new GenerationForm(plugins);
        this.detail = new EnvironmentDetail(blobs, ui);
        this.bridge = new EventBridge<>(ui, GenerationViewModel::key, this::apply);
        job.selectedProperty().addListener((o, a, row) -> detail.show(row == null ? -1 : row.index()));
    }

    /** Screenshots of one environment and label replace each other while waiting; every other event is kept. */
    private static Object key(JobEvent e) {
        if (e instanceof JobEvent.Screenshot s) {
            return List.of("shot", s.job(), s.index(), s.label());
        }
        return new Object();
    }

    // Actions ------------------------------------------------------------------------------------

    /** Submits a job with the form's values and runs it on its own thread. */
    public void start() {
        if (job.runningProperty().get()) {
            return;
        }
        JobSpec spec;
        try {
            spec = form.toJobSpec();
        } catch (IllegalArgumentException e) {
            job.setStatus(true, "Cannot start: " + e.getMessage());
            return;
        }
        job.starting();
        detail.clear(spec.rounds());
        job.setStatus(false, "Submitting a job for " + String.join(", ", spec.software()) + "\u2026");
        ui.run("submit job", () -> {
            long id = runner.submit(spec);
            return runner.job(id).orElse(new JobInfo(id, spec, JobStatus.RUNNING, Instant.now(), Instant.now(), null, List.of()));
        }, info -> {
            job.setJobId(info.id());
            job.apply(info);
            job.setStatus(false, "Job " + info.id() + ": " + info.items().size() + " environment" + (info.items().size() == 1 ? "" : "s")
                    + (info.message() == null || info.message().isBlank() ? "" : " (" + info.message() + ")") + ".");
            Thread t = new Thread(() -> runJob(info.id()), "envforge-generation-" + info.id());
            t.setDaemon(true);
            t.start();
        }, e -> {
            job.stopped();
            job.setStatus(true, "Cannot start: " + Dialogs.message(e));
        });
    }

    private void runJob(long id) {
        try {
            JobInfo info = runner.run(id, bridge);
            ui.onUi(() -> {
                job.stopped();
                job.apply(info);
                boolean failed = info.status() == JobStatus.FAILED;
                job.setStatus(failed, String.format(Locale.ROOT, "Job %d %s: %d passed, %d failed, %d error%s.", info.id(),
                        info.status(), info.count(ItemStatus.PASSED), info.count(ItemStatus.FAILED), info.count(ItemStatus.ERROR),
                        info.count(ItemStatus.ERROR) == 1 ? "" : "s") + (failed && info.message() != null ? " " + info.message() : ""));
            });
        } catch (RuntimeException e) {
            ui.onUi(() -> {
                job.stopped();
                job.setStatus(true, "Job " + id + " failed: " + Dialogs.message(e));
            });
        }
    }

    /** Asks the running job to stop after the environments in flight (it can be resumed later). */
    public void cancel() {
        long id = job.jobIdProperty().get();
        if (!job.runningProperty().get() || id == 0 || job.cancellingProperty().get()) {
            return;
        }
        job.setCancelling();
        job.setStatus(false, "Cancelling job " + id + " after the rounds in flight\u2026");
        ui.run("cancel job", () -> {
            runner.cancel(id);
            return id;
        }, x -> { }, e -> job.setStatus(true, "Cannot cancel: " + Dialogs.message(e)));
    }

    /** Selects an environment of the job by index (its streams are shown). */
    public void select(int index) {
        job.select(index);
    }

    /** Opens the selected environment in the audit debugger (the workbench decides how). */
    public void openInAuditDebugger() {
        EnvRow row = job.selectedProperty().get();
        if (row != null && job.jobIdProperty().get() != 0) {
            openAudit.accept(job.jobIdProperty().get(), row.index());
        }
    }

    /** What "open in the audit debugger" does: called with the job and the environment's index. */
    public void setOnOpenAudit(BiConsumer<Long, Integer> action) {
        this.openAudit = action == null ? (id, index) -> { } : action;
    }

    /** An event of the job, on the FX thread: the job's part first (it may select another environment), then the detail. */
    private void apply(JobEvent event) {
        long id = job.jobIdProperty().get();
        if (id != 0 && event.job() != id) {
            return; // an earlier job's late event
        }
        job.apply(event);
        detail.apply(event);
    }

    // Parts and properties -----------------------------------------------------------------------

    /** The form that starts a job. */
    public GenerationForm form() {
        return form;
    }

    /** The job: its environments, the selection, the status line. */
    public JobProgress job() {
        return job;
    }

    /** The selected environment: streams, checklist, round, screenshots. */
    public EnvironmentDetail detail() {
        return detail;
    }

    /** The software the form asks for (a plugin id or product, or several comma-separated). */
    public ObjectProperty<Object> softwareProperty() {
        return form.value(GenerationParameters.SOFTWARE);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyLongProperty jobIdProperty() {
        return job.jobIdProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return job.statusProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return job.statusIsErrorProperty();
    }

    /** Whether the selection follows the environment that started last. */
    public BooleanProperty followProperty() {
        return job.followProperty();
    }

    public ObjectProperty<EnvRow> selectedProperty() {
        return job.selectedProperty();
    }

    public ObservableList<FeedLine> creatorFeed() {
        return detail.creatorFeed();
    }

    public ObservableList<ChecklistRow> checklist() {
        return detail.checklist();
    }

    public ReadOnlyStringProperty roundTextProperty() {
        return detail.roundTextProperty();
    }
}
