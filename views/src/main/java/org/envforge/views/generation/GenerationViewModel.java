package org.envforge.views.generation;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.Verdict;
import org.envforge.engine.GenerationParameters;
import org.envforge.engine.JobEvent;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.JobSpec;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.EventBridge;
import org.envforge.views.common.TaskRunner;

/**
 * State and actions of the live generation view: a form that starts a job, the job's environments
 * with their status, and for the selected environment the creator's and the auditor's streams,
 * the latest screenshots, the audit checklist as it fills in, and the round. The job runs on its
 * own thread; its events reach the FX thread through one {@link EventBridge}.
 */
public final class GenerationViewModel {

    /** Most lines kept per stream and environment. */
    static final int MAX_LINES = 2000;

    private final JobRunner runner;
    private final Function<String, Optional<byte[]>> blobs;
    private final TaskRunner ui;
    private final EventBridge<JobEvent> bridge;

    // The form.
    private final GenerationForm form;

    // The job.
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

    // The selected environment.
    private final ObservableList<FeedLine> creatorFeed = FXCollections.observableArrayList();
    private final ObservableList<FeedLine> creatorFeedReadOnly = FXCollections.unmodifiableObservableList(creatorFeed);
    private final ObservableList<FeedLine> auditorFeed = FXCollections.observableArrayList();
    private final ObservableList<FeedLine> auditorFeedReadOnly = FXCollections.unmodifiableObservableList(auditorFeed);
    private final ObservableList<ChecklistRow> checklist = FXCollections.observableArrayList();
    private final ObservableList<ChecklistRow> checklistReadOnly = FXCollections.unmodifiableObservableList(checklist);
    private final ReadOnlyStringWrapper roundText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checklistText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Image> startShot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> endShot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper startCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper endCaption = new ReadOnlyStringWrapper("");

    private final Map<Integer, EnvLog> logs = new HashMap<>();
    private int roundsTotal;
    private String shownStart;
    private String shownEnd;
    private BiConsumer<Long, Integer> openAudit = (job, index) -> { };

    /** What happened in one environment, kept for when it is selected. */
    private static final class EnvLog {
        final List<FeedLine> creator = new ArrayList<>();
        final List<FeedLine> auditor = new ArrayList<>();
        final List<ChecklistRow> checklist = new ArrayList<>();
        int round;
        String startSha;
        String startTask;
        String endSha;
        String endTask;
    }

    /**
     * @param plugins the installed plugins' ids (the software a job can make)
     * @param blobs PNG bytes of a screenshot by its SHA-256
     */
    public GenerationViewModel(JobRunner runner, List<String> plugins, Function<String, Optional<byte[]>> blobs, TaskRunner ui) {
        this.runner = runner;
        this.blobs = blobs;
        this.ui = ui;
        this.form = new GenerationForm(plugins);
        this.bridge = new EventBridge<>(ui, GenerationViewModel::key, this::apply);
        selected.addListener((o, a, row) -> show(row));
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
        if (running.get()) {
            return;
        }
        JobSpec spec;
        try {
            spec = form.toJobSpec();
        } catch (IllegalArgumentException e) {
            setStatus(true, "Cannot start: " + e.getMessage());
            return;
        }
        running.set(true);
        cancelling.set(false);
        clearJob();
        roundsTotal = spec.rounds();
        setStatus(false, "Submitting a job for " + String.join(", ", spec.software()) + "\u2026");
        ui.run("submit job", () -> {
            long id = runner.submit(spec);
            return runner.job(id).orElse(new JobInfo(id, spec, "running", java.time.Instant.now(), java.time.Instant.now(), null,
                    List.of()));
        }, info -> {
            jobId.set(info.id());
            applyItems(info);
            setStatus(false, "Job " + info.id() + ": " + info.items().size() + " environment" + (info.items().size() == 1 ? "" : "s")
                    + (info.message() == null || info.message().isBlank() ? "" : " (" + info.message() + ")") + ".");
            Thread t = new Thread(() -> runJob(info.id()), "envforge-generation-" + info.id());
            t.setDaemon(true);
            t.start();
        }, e -> {
            running.set(false);
            setStatus(true, "Cannot start: " + Dialogs.message(e));
        });
    }

    private void runJob(long id) {
        try {
            JobInfo info = runner.run(id, bridge);
            ui.onUi(() -> {
                running.set(false);
                cancelling.set(false);
                applyItems(info);
                updateProgress();
                boolean failed = info.status().equals("failed");
                setStatus(failed, String.format(Locale.ROOT, "Job %d %s: %d passed, %d failed, %d error%s.", info.id(),
                        info.status(), info.count("passed"), info.count("failed"), info.count("error"),
                        info.count("error") == 1 ? "" : "s") + (failed && info.message() != null ? " " + info.message() : ""));
            });
        } catch (RuntimeException e) {
            ui.onUi(() -> {
                running.set(false);
                cancelling.set(false);
                setStatus(true, "Job " + id + " failed: " + Dialogs.message(e));
            });
        }
    }

    /** Asks the running job to stop after the environments in flight (it can be resumed later). */
    public void cancel() {
        long id = jobId.get();
        if (!running.get() || id == 0 || cancelling.get()) {
            return;
        }
        cancelling.set(true);
        setStatus(false, "Cancelling job " + id + " after the rounds in flight\u2026");
        ui.run("cancel job", () -> {
            runner.cancel(id);
            return id;
        }, x -> { }, e -> setStatus(true, "Cannot cancel: " + Dialogs.message(e)));
    }

    /** Selects an environment of the job by index (its streams are shown). */
    public void select(int index) {
        environments.stream().filter(r -> r.index() == index).findFirst().ifPresent(selected::set);
    }

    /** Opens the selected environment in the audit debugger (the workbench decides how). */
    public void openInAuditDebugger() {
        EnvRow row = selected.get();
        if (row != null && jobId.get() != 0) {
            openAudit.accept(jobId.get(), row.index());
        }
    }

    /** What "open in the audit debugger" does: called with the job and the environment's index. */
    public void setOnOpenAudit(BiConsumer<Long, Integer> action) {
        this.openAudit = action == null ? (job, index) -> { } : action;
    }

    // Events (FX thread) -------------------------------------------------------------------------

    private void clearJob() {
        logs.clear();
        environments.clear();
        selected.set(null);
        jobId.set(0);
        progress.set("");
        show(null);
    }

    private void applyItems(JobInfo info) {
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

    private EnvRow row(int index, String envName, String plugin) {
        for (EnvRow r : environments) {
            if (r.index() == index) {
                return r;
            }
        }
        EnvRow r = new EnvRow(index, envName, plugin, "pending", 0);
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

    private EnvLog log(int index) {
        return logs.computeIfAbsent(index, k -> new EnvLog());
    }

    private boolean isShown(int index) {
        return selected.get() != null && selected.get().index() == index;
    }

    private void apply(JobEvent event) {
        if (jobId.get() != 0 && event.job() != jobId.get()) {
            return; // an earlier job's late event
        }
        if (event instanceof JobEvent.Started s) {
            setStatus(false, String.format(Locale.ROOT, "Job %d running: %d environment%s%s.", s.job(), s.items(),
                    s.items() == 1 ? "" : "s", s.finished() > 0 ? " (" + s.finished() + " already done)" : ""));
        } else if (event instanceof JobEvent.ItemStarted s) {
            EnvRow r = row(s.index(), s.envName(), s.plugin());
            r.setStatus("running");
            creatorLine(s.index(), FeedLine.of("engine", "", "Making " + s.envName() + " with the " + s.plugin() + " plugin."));
            if (follow.get() || selected.get() == null) {
                selected.set(r);
            }
            updateProgress();
        } else if (event instanceof JobEvent.RoundStarted s) {
            EnvLog l = log(s.index());
            l.round = s.round();
            l.checklist.clear();
            existing(s.index()).ifPresent(r -> r.setRound(s.round()));
            FeedLine marker = FeedLine.of("round", "", "Round " + s.round() + (roundsTotal > 0 ? " of " + roundsTotal : ""));
            creatorLine(s.index(), marker);
            auditorLine(s.index(), marker);
            if (isShown(s.index())) {
                checklist.clear();
                updateRound(l);
                updateChecklistText(l);
            }
        } else if (event instanceof JobEvent.Message m) {
            if (m.from().equals("auditor")) {
                auditorLine(m.index(), FeedLine.of("auditor", "", m.text()));
            } else {
                creatorLine(m.index(), FeedLine.of(m.from(), "", m.text()));
            }
        } else if (event instanceof JobEvent.Screenshot s) {
            EnvLog l = log(s.index());
            taskSeen(s.index(), s.task());
            if (s.label().equals("end")) {
                l.endSha = s.sha256();
                l.endTask = s.task();
            } else {
                l.startSha = s.sha256();
                l.startTask = s.task();
            }
            if (isShown(s.index())) {
                showShots(l);
            }
        } else if (event instanceof JobEvent.Action a) {
            taskSeen(a.index(), a.task());
            creatorLine(a.index(), FeedLine.of("action", a.task(), "oracle " + a.step() + "/" + a.steps() + "  " + a.action()));
        } else if (event instanceof JobEvent.Verdict v) {
            verdict(v);
        } else if (event instanceof JobEvent.RoundDone d) {
            String text = "Round " + d.round() + (d.error() != null ? " could not finish: " + d.error()
                    : d.passed() ? ": the audit passed." : ": the audit failed.");
            auditorLine(d.index(), new FeedLine("round", "", text, d.error() != null || !d.passed() ? Verdict.FAIL : Verdict.PASS));
            creatorLine(d.index(), FeedLine.of("round", "", text));
        } else if (event instanceof JobEvent.ItemDone d) {
            EnvRow r = row(d.index(), d.envName(), "");
            r.setStatus(d.status());
            creatorLine(d.index(), FeedLine.of("engine", "", d.envName() + " is done: " + d.status() + "."));
            updateProgress();
        } else if (event instanceof JobEvent.Done d) {
            setStatus(false, String.format(Locale.ROOT, "Job %d %s: %d passed, %d failed, %d error%s.", d.job(), d.status(),
                    d.passed(), d.failed(), d.errors(), d.errors() == 1 ? "" : "s"));
        }
    }

    private void verdict(JobEvent.Verdict v) {
        EnvLog l = log(v.index());
        ItemVerdict iv = v.verdict();
        auditorLine(v.index(), new FeedLine("verdict", v.task(), iv.item() + ": " + iv.reason(), iv.verdict()));
        boolean known = l.checklist.stream().anyMatch(r -> r.task().equals(v.task()));
        List<ChecklistRow> added = new ArrayList<>();
        if (!known) {
            added.addAll(pending(v.task()));
        }
        ChecklistRow target = added.stream().filter(r -> r.item().equals(iv.item())).findFirst()
                .orElseGet(() -> l.checklist.stream().filter(r -> r.task().equals(v.task()) && r.item().equals(iv.item())).findFirst()
                        .orElse(null));
        if (target == null) {
            target = new ChecklistRow(v.task(), iv.item(), iv.description());
            added.add(target);
        }
        target.answer(iv.verdict(), iv.reason());
        l.checklist.addAll(added);
        if (isShown(v.index())) {
            checklist.addAll(added);
            updateChecklistText(l);
        }
    }

    /** A task's evidence is being gathered: its audit items join the checklist, pending. */
    private void taskSeen(int index, String task) {
        EnvLog l = log(index);
        if (task == null || task.isEmpty() || l.checklist.stream().anyMatch(r -> r.task().equals(task))) {
            return;
        }
        List<ChecklistRow> rows = pending(task);
        l.checklist.addAll(rows);
        if (isShown(index)) {
            checklist.addAll(rows);
            updateChecklistText(l);
        }
    }

    /** A task's audit items, all pending. */
    private static List<ChecklistRow> pending(String task) {
        List<ChecklistRow> out = new ArrayList<>();
        for (AuditChecklist.Item item : AuditChecklist.ALL) {
            out.add(new ChecklistRow(task, item.id(), item.question()));
        }
        return out;
    }

    private void creatorLine(int index, FeedLine line) {
        EnvLog l = log(index);
        append(l.creator, line);
        if (isShown(index)) {
            append(creatorFeed, line);
        }
    }

    private void auditorLine(int index, FeedLine line) {
        EnvLog l = log(index);
        append(l.auditor, line);
        if (isShown(index)) {
            append(auditorFeed, line);
        }
    }

    private static void append(List<FeedLine> list, FeedLine line) {
        if (list.size() >= MAX_LINES) {
            list.remove(0);
        }
        list.add(line);
    }

    private void show(EnvRow row) {
        if (row == null) {
            creatorFeed.clear();
            auditorFeed.clear();
            checklist.clear();
            roundText.set("");
            checklistText.set("");
            shownStart = null;
            shownEnd = null;
            startShot.set(null);
            endShot.set(null);
            startCaption.set("");
            endCaption.set("");
            return;
        }
        EnvLog l = log(row.index());
        creatorFeed.setAll(l.creator);
        auditorFeed.setAll(l.auditor);
        checklist.setAll(l.checklist);
        updateRound(l);
        updateChecklistText(l);
        showShots(l);
    }

    private void updateRound(EnvLog l) {
        roundText.set(l.round == 0 ? "Not started" : "Round " + l.round + (roundsTotal > 0 ? " of " + roundsTotal : ""));
    }

    private void updateChecklistText(EnvLog l) {
        long answered = l.checklist.stream().filter(r -> r.verdict() != null).count();
        long failed = l.checklist.stream().filter(r -> r.verdict() == Verdict.FAIL).count();
        checklistText.set(l.checklist.isEmpty() ? "" : String.format(Locale.ROOT, "%d of %d items answered, %d failing", answered,
                l.checklist.size(), failed));
    }

    private void showShots(EnvLog l) {
        if (!java.util.Objects.equals(shownStart, l.startSha)) {
            shownStart = l.startSha;
            startCaption.set(l.startSha == null ? "" : "Start of " + l.startTask);
            load(l.startSha, startShot, () -> java.util.Objects.equals(shownStart, l.startSha));
        }
        if (!java.util.Objects.equals(shownEnd, l.endSha)) {
            shownEnd = l.endSha;
            endCaption.set(l.endSha == null ? "" : "End of " + l.endTask + " (after the oracle)");
            load(l.endSha, endShot, () -> java.util.Objects.equals(shownEnd, l.endSha));
        }
    }

    private void load(String sha, ReadOnlyObjectWrapper<Image> target, java.util.function.BooleanSupplier stillWanted) {
        if (sha == null) {
            target.set(null);
            return;
        }
        ui.run("load screenshot", () -> blobs.apply(sha).map(b -> new Image(new ByteArrayInputStream(b))).orElse(null), img -> {
            if (stillWanted.getAsBoolean()) {
                target.set(img);
            }
        }, e -> { });
    }

    private void updateProgress() {
        long done = environments.stream().filter(r -> r.status().equals("passed") || r.status().equals("failed")
                || r.status().equals("error")).count();
        long passed = environments.stream().filter(r -> r.status().equals("passed")).count();
        progress.set(environments.isEmpty() ? "" : String.format(Locale.ROOT, "%d of %d environments done, %d passed", done,
                environments.size(), passed));
    }

    private void setStatus(boolean error, String text) {
        statusIsError.set(error);
        status.set(text);
    }

    // Properties ---------------------------------------------------------------------------------

    /** The form that starts a job. */
    public GenerationForm form() {
        return form;
    }

    /** The software the form asks for (a plugin id or product, or several comma-separated). */
    public ObjectProperty<Object> softwareProperty() {
        return form.value(GenerationParameters.SOFTWARE);
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

    public ObservableList<FeedLine> creatorFeed() {
        return creatorFeedReadOnly;
    }

    public ObservableList<FeedLine> auditorFeed() {
        return auditorFeedReadOnly;
    }

    public ObservableList<ChecklistRow> checklist() {
        return checklistReadOnly;
    }

    public ReadOnlyStringProperty roundTextProperty() {
        return roundText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checklistTextProperty() {
        return checklistText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> startShotProperty() {
        return startShot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> endShotProperty() {
        return endShot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startCaptionProperty() {
        return startCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty endCaptionProperty() {
        return endCaption.getReadOnlyProperty();
    }
}
