package org.envforge.views.generation;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.ItemVerdict;
import org.envforge.engine.JobEvent;
import org.envforge.views.common.TaskRunner;

/**
 * The environment in progress as the Generation view's centre shows it: the creator's and the
 * auditor's streams, the audit checklist as it fills in, the round, the latest start and end
 * screenshots. What every environment of the job did is kept, and shown when it is selected.
 * Changed on the FX thread only.
 */
public final class EnvironmentDetail {

    /** Most lines kept per stream and environment. */
    static final int MAX_LINES = 2000;

    private final Function<String, Optional<byte[]>> blobs;
    private final TaskRunner ui;

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
    private int shown = -1;
    private int roundsTotal;
    private String shownStart;
    private String shownEnd;

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

    /** @param blobs PNG bytes of a screenshot by its SHA-256 (read off the FX thread) */
    public EnvironmentDetail(Function<String, Optional<byte[]>> blobs, TaskRunner ui) {
        this.blobs = blobs;
        this.ui = ui;
    }

    /** A new job with at most this many rounds per environment: what the last one did is forgotten. */
    void clear(int rounds) {
        logs.clear();
        roundsTotal = rounds;
        show(-1);
    }

    /** Applies what an event says about an environment's streams, checklist, round and screenshots. */
    void apply(JobEvent event) {
        if (event instanceof JobEvent.ItemStarted s) {
            creatorLine(s.index(), FeedLine.of("engine", "", "Making " + s.envName() + " with the " + s.plugin() + " plugin."));
        } else if (event instanceof JobEvent.RoundStarted s) {
            roundStarted(s);
        } else if (event instanceof JobEvent.Message m) {
            if (m.from().equals("auditor")) {
                auditorLine(m.index(), FeedLine.of("auditor", "", m.text()));
            } else {
                creatorLine(m.index(), FeedLine.of(m.from(), "", m.text()));
            }
        } else if (event instanceof JobEvent.Screenshot s) {
            screenshot(s);
        } else if (event instanceof JobEvent.Action a) {
            taskSeen(a.index(), a.task());
            creatorLine(a.index(), FeedLine.of("action", a.task(), "oracle " + a.step() + "/" + a.steps() + "  " + a.action()));
        } else if (event instanceof JobEvent.AuditAnswer v) {
            verdict(v);
        } else if (event instanceof JobEvent.RoundDone d) {
            String text = "Round " + d.round() + (d.error() != null ? " could not finish: " + d.error()
                    : d.passed() ? ": the audit passed." : ": the audit failed.");
            auditorLine(d.index(), new FeedLine("round", "", text,
                    d.error() != null || !d.passed() ? AuditVerdict.FAIL : AuditVerdict.PASS));
            creatorLine(d.index(), FeedLine.of("round", "", text));
        } else if (event instanceof JobEvent.ItemDone d) {
            creatorLine(d.index(), FeedLine.of("engine", "", d.envName() + " is done: " + d.status() + "."));
        }
    }

    private void roundStarted(JobEvent.RoundStarted s) {
        EnvLog l = log(s.index());
        l.round = s.round();
        l.checklist.clear();
        FeedLine marker = FeedLine.of("round", "", "Round " + s.round() + (roundsTotal > 0 ? " of " + roundsTotal : ""));
        creatorLine(s.index(), marker);
        auditorLine(s.index(), marker);
        if (shown == s.index()) {
            checklist.clear();
            updateRound(l);
            updateChecklistText(l);
        }
    }

    private void screenshot(JobEvent.Screenshot s) {
        EnvLog l = log(s.index());
        taskSeen(s.index(), s.task());
        if (s.label().equals("end")) {
            l.endSha = s.sha256();
            l.endTask = s.task();
        } else {
            l.startSha = s.sha256();
            l.startTask = s.task();
        }
        if (shown == s.index()) {
            showShots(l);
        }
    }

    private void verdict(JobEvent.AuditAnswer v) {
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
        if (shown == v.index()) {
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
        if (shown == index) {
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

    private EnvLog log(int index) {
        return logs.computeIfAbsent(index, k -> new EnvLog());
    }

    private void creatorLine(int index, FeedLine line) {
        append(log(index).creator, line);
        if (shown == index) {
            append(creatorFeed, line);
        }
    }

    private void auditorLine(int index, FeedLine line) {
        append(log(index).auditor, line);
        if (shown == index) {
            append(auditorFeed, line);
        }
    }

    private static void append(List<FeedLine> list, FeedLine line) {
        if (list.size() >= MAX_LINES) {
            list.remove(0);
        }
        list.add(line);
    }

    /** Shows what the environment with this index did (-1: none). */
    void show(int index) {
        shown = index;
        if (index < 0) {
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
        EnvLog l = log(index);
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
        long failed = l.checklist.stream().filter(r -> r.verdict() == AuditVerdict.FAIL).count();
        checklistText.set(l.checklist.isEmpty() ? "" : String.format(Locale.ROOT, "%d of %d items answered, %d failing", answered,
                l.checklist.size(), failed));
    }

    private void showShots(EnvLog l) {
        if (!Objects.equals(shownStart, l.startSha)) {
            shownStart = l.startSha;
            startCaption.set(l.startSha == null ? "" : "Start of " + l.startTask);
            load(l.startSha, startShot, () -> Objects.equals(shownStart, l.startSha));
        }
        if (!Objects.equals(shownEnd, l.endSha)) {
            shownEnd = l.endSha;
            endCaption.set(l.endSha == null ? "" : "End of " + l.endTask + " (after the oracle)");
            load(l.endSha, endShot, () -> Objects.equals(shownEnd, l.endSha));
        }
    }

    private void load(String sha, ReadOnlyObjectWrapper<Image> target, BooleanSupplier stillWanted) {
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
