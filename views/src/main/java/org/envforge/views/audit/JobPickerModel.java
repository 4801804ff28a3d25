package org.envforge.views.audit;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.job.ItemStatus;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * The audit debugger's toolbar: the jobs (newest first) and the environments of the chosen job.
 * Choosing a job chooses its first failed environment (else its first).
 */
public final class JobPickerModel {

    static final int JOBS = 200;

    private final RoundSource source;
    private final TaskRunner tasks;
    private final Consumer<String> message;
    private final ObservableList<JobInfo> jobs = FXCollections.observableArrayList();
    private final ObservableList<JobInfo> jobsReadOnly = FXCollections.unmodifiableObservableList(jobs);
    private final ObjectProperty<JobInfo> job = new SimpleObjectProperty<>();
    private final ObservableList<JobItem> items = FXCollections.observableArrayList();
    private final ObservableList<JobItem> itemsReadOnly = FXCollections.unmodifiableObservableList(items);
    private final ObjectProperty<JobItem> item = new SimpleObjectProperty<>();
    private long[] pendingOpen;
    private long generation;

    /** @param message where a line for the status bar goes */
    JobPickerModel(RoundSource source, TaskRunner tasks, Consumer<String> message) {
        this.source = source;
        this.tasks = tasks;
        this.message = message;
        job.addListener((o, a, j) -> showJob(j));
    }

    /** Reloads the jobs, keeping the selected job and environment. */
    public void refresh() {
        long g = ++generation;
        tasks.run("list jobs", () -> source.jobs(JOBS), list -> {
            if (g != generation) {
                return; // a newer refresh is on its way
            }
            JobInfo was = job.get();
            JobItem wasItem = item.get();
            jobs.setAll(list);
            if (pendingOpen != null) {
                long[] open = pendingOpen;
                pendingOpen = null;
                Optional<JobInfo> j = list.stream().filter(x -> x.id() == open[0]).findFirst();
                if (j.isEmpty()) {
                    message.accept("No job " + open[0] + ".");
                    return;
                }
                select(j.get(), (int) open[1]);
                return;
            }
            if (was != null) {
                list.stream().filter(x -> x.id() == was.id()).findFirst().ifPresentOrElse(
                        j -> select(j, wasItem == null ? -1 : wasItem.index()), () -> job.set(null));
            } else if (!list.isEmpty()) {
                job.set(list.get(0));
            } else {
                message.accept("No generation jobs yet. Start one on the Generation page.");
            }
        }, e -> message.accept("Could not list the jobs: " + Dialogs.message(e)));
    }

    /** Opens an environment of a job (from the live view). */
    public void open(long jobId, int index) {
        pendingOpen = new long[] {jobId, index};
        refresh();
    }

    private void select(JobInfo j, int index) {
        // Another snapshot of the same job: show its (maybe newer) items, and reload the rounds.
        job.set(null);
        job.set(j);
        if (index >= 0) {
            j.items().stream().filter(i -> i.index() == index).findFirst().ifPresent(item::set);
        }
    }

    private void showJob(JobInfo j) {
        item.set(null);
        if (j == null) {
            items.clear();
            return;
        }
        items.setAll(j.items());
        items.stream().filter(i -> i.status() == ItemStatus.FAILED || i.status() == ItemStatus.ERROR).findFirst()
                .or(() -> items.stream().findFirst()).ifPresent(item::set);
    }

    public ObservableList<JobInfo> jobs() {
        return jobsReadOnly;
    }

    public ObjectProperty<JobInfo> jobProperty() {
        return job;
    }

    /** The environments of the chosen job. */
    public ObservableList<JobItem> items() {
        return itemsReadOnly;
    }

    public ObjectProperty<JobItem> itemProperty() {
        return item;
    }
}
