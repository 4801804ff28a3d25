package org.envforge.views.generation;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.envforge.engine.JobEvent;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.job.ItemStatus;

/**
 * The live job as the Generation view's environments table and status bar show it: whether a job
 * runs, its id, its environments with their status and round, which one is selected (following
 * the one that started last unless told not to), the status line and the progress. Changed on the
 * FX thread only.
 */
public final class JobProgress {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper jobId = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose the software and start a job.");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ObservableList<EnvRow> environments = FXCollections.observableArrayList();
    private final ObservableList<EnvRow> environmentsReadOnly = FXCollections.unmodifiableObservableList(environments);
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ObjectProperty<EnvRow> selected = new SimpleObjectProperty<>();

    /** A job is being started: no environments yet. */
    void starting() {
        running.set(true);
        cancelling.set(false);
        environments.clear();
        selected.set(null);
        jobId.set(0);
        progress.set("");
    }

    /** The job ended, or could not start or run. */
    void stopped() {
        running.set(false);
        cancelling.set(false);
    }

    void setCancelling() {
        cancelling.set(true);
    }

    void setJobId(long id) {
        jobId.set(id);
    }

    /** The job's environments as the engine has them; the first is selected when none is. */
    void apply(JobInfo info) {
        for (JobItem i : info.items()) {
            EnvRow row = row(i.index(), i.envName(), i.plugin());
            row.setStatus(i.status());
            row.setRound(Math.max(row.round(), i.rounds()));
        }
        if (selected.get() == null && !environments.isEmpty()) {
            selected.set(environments.get(0));
        }
        updateProgress();
    }

    /** Applies what an event says about the job and its environments (other events change nothing here). */
    void apply(JobEvent event) {
        if (event instanceof JobEvent.Started s) {
            setStatus(false, String.format(Locale.ROOT, "Job %d running: %d environment%s%s.", s.job(), s.items(),
                    s.items() == 1 ? "" : "s", s.finished() > 0 ? " (" + s.finished() + " already done)" : ""));
        } else if (event instanceof JobEvent.ItemStarted s) {
            EnvRow r = row(s.index(), s.envName(), s.plugin());
            r.setStatus(ItemStatus.RUNNING);
            if (follow.get() || selected.get() == null) {
                selected.set(r);
            }
            updateProgress();
        } else if (event instanceof JobEvent.RoundStarted s) {
            existing(s.index()).ifPresent(r -> r.setRound(s.round()));
        } else if (event instanceof JobEvent.ItemDone d) {
            row(d.index(), d.envName(), "").setStatus(d.status());
            updateProgress();
        } else if (event instanceof JobEvent.Done d) {
            setStatus(false, String.format(Locale.ROOT, "Job %d %s: %d passed, %d failed, %d error%s.", d.job(), d.status(),
                    d.passed(), d.failed(), d.errors(), d.errors() == 1 ? "" : "s"));
        }
    }

    /** The row of an environment, added in index order when new. */
    EnvRow row(int index, String envName, String plugin) {
        Optional<EnvRow> known = existing(index);
        if (known.isPresent()) {
            return known.get();
        }
        EnvRow r = new EnvRow(index, envName, plugin, ItemStatus.PENDING, 0);
        int at = 0;
        while (at < environments.size() && environments.get(at).index() < index) {
            at++;
        }
        environments.add(at, r);
        return r;
    }

    private Optional<EnvRow> existing(int index) {
        return environments.stream().filter(r -> r.index() == index).findFirst();
    }

    /** Selects an environment by index, if the job has it. */
    void select(int index) {
        existing(index).ifPresent(selected::set);
    }

    void updateProgress() {
        long done = environments.stream().filter(r -> r.status().finished()).count();
        long passed = environments.stream().filter(r -> r.status() == ItemStatus.PASSED).count();
        progress.set(environments.isEmpty() ? "" : String.format(Locale.ROOT, "%d of %d environments done, %d passed", done,
                environments.size(), passed));
    }

    void setStatus(boolean error, String text) {
        statusIsError.set(error);
        status.set(text);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty jobIdProperty() {
        return jobId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObservableList<EnvRow> environments() {
        return environmentsReadOnly;
    }

    /** Whether the selection follows the environment that started last. */
    public BooleanProperty followProperty() {
        return follow;
    }

    public ObjectProperty<EnvRow> selectedProperty() {
        return selected;
    }
}
