package org.envforge.views.audit;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.RoundRecord;
import org.envforge.job.ItemStatus;
import org.envforge.plugin.TaskDraft;
import org.envforge.verify.CheckResult;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * State and actions of the audit debugger: pick a job and an environment, list its rounds, show a
 * round's failed items with their evidence (screenshots, probes before and after, the checker,
 * setup and oracle errors), and diff a task's scripts and artefacts between two rounds.
 */
public final class AuditViewModel {

    static final int JOBS = 200;

    private final RoundSource source;
    private final Function<String, Optional<byte[]>> blobs;
    private final TaskRunner tasks;

    private final ObservableList<JobInfo> jobs = FXCollections.observableArrayList();
    private final ObservableList<JobInfo> jobsReadOnly = FXCollections.unmodifiableObservableList(jobs);
    private final ObjectProperty<JobInfo> job = new SimpleObjectProperty<>();
    private final ObservableList<JobItem> items = FXCollections.observableArrayList();
    private final ObservableList<JobItem> itemsReadOnly = FXCollections.unmodifiableObservableList(items);
    private final ObjectProperty<JobItem> item = new SimpleObjectProperty<>();
    private final ObservableList<RoundRecord> rounds = FXCollections.observableArrayList();
    private final ObservableList<RoundRecord> roundsReadOnly = FXCollections.unmodifiableObservableList(rounds);
    private final ObjectProperty<RoundRecord> round = new SimpleObjectProperty<>();
    private final BooleanProperty failuresOnly = new SimpleBooleanProperty(true);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsReadOnly = FXCollections.unmodifiableObservableList(findings);
    private final ObjectProperty<Finding> finding = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper roundSummary = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<Image> startShot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> endShot = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ProbeRow> probes = FXCollections.observableArrayList();
    private final ObservableList<ProbeRow> probesReadOnly = FXCollections.unmodifiableObservableList(probes);
    private final ReadOnlyStringWrapper checkAtStart = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checkAtEnd = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper evidenceNotes = new ReadOnlyStringWrapper("");

    private final ObservableList<Integer> roundNumbers = FXCollections.observableArrayList();
    private final ObservableList<Integer> roundNumbersReadOnly = FXCollections.unmodifiableObservableList(roundNumbers);
    private final ObjectProperty<Integer> diffFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> diffTo = new SimpleObjectProperty<>();
    private final ObservableList<String> diffTasks = FXCollections.observableArrayList();
    private final ObservableList<String> diffTasksReadOnly = FXCollections.unmodifiableObservableList(diffTasks);
    private final StringProperty diffTask = new SimpleStringProperty();
    private final ObservableList<String> diffArtefacts = FXCollections.observableArrayList();
    private final ObservableList<String> diffArtefactsReadOnly = FXCollections.unmodifiableObservableList(diffArtefacts);
    private final StringProperty diffArtefact = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<List<LineDiff.Line>> diff = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper("");

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Pick a job and an environment.");

    private long[] pendingOpen;
    private long jobsGeneration;
    private long roundsGeneration;
    private final Set<String> changedArtefacts = new java.util.HashSet<>();
    private final Map<String, String[]> pairs = new LinkedHashMap<>();
    private long shotGeneration;
    private boolean updatingDiff;

    public AuditViewModel(RoundSource source, Function<String, Optional<byte[]>> blobs, TaskRunner tasks) {
        this.source = source;
        this.blobs = blobs;
        this.tasks = tasks;
        job.addListener((o, a, j) -> showJob(j));
        item.addListener((o, a, i) -> loadRounds(i));
        round.addListener((o, a, r) -> showRound(r));
        failuresOnly.addListener((o, a, b) -> showRound(round.get()));
        finding.addListener((o, a, f) -> showFinding(f));
        diffFrom.addListener((o, a, b) -> diffChanged());
        diffTo.addListener((o, a, b) -> diffChanged());
        diffTask.addListener((o, a, b) -> diffChanged());
        diffArtefact.addListener((o, a, b) -> computeDiff());
    }

    // Jobs and environments --------------------------------------------------------------------

    /** Reloads the jobs, keeping the selected job and environment. */
    public void refresh() {
        long generation = ++jobsGeneration;
        tasks.run("list jobs", () -> source.jobs(JOBS), list -> {
            if (generation != jobsGeneration) {
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
                    message.set("No job " + open[0] + ".");
                    return;
                }
                selectJob(j.get(), (int) open[1]);
                return;
            }
            if (was != null) {
                list.stream().filter(x -> x.id() == was.id()).findFirst().ifPresentOrElse(
                        j -> selectJob(j, wasItem == null ? -1 : wasItem.index()), () -> job.set(null));
            } else if (!list.isEmpty()) {
                job.set(list.get(0));
            } else {
                message.set("No generation jobs yet. Start one on the Generation page.");
            }
        }, e -> message.set("Could not list the jobs: " + Dialogs.message(e)));
    }

    /** Opens an environment of a job (from the live view), with its latest failed round. */
    public void open(long jobId, int index) {
        pendingOpen = new long[] {jobId, index};
        refresh();
    }

    private void selectJob(JobInfo j, int index) {
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

    private void loadRounds(JobItem i) {
        long generation = ++roundsGeneration;
        round.set(null);
        rounds.clear();
        if (i == null) {
            return;
        }
        message.set("Loading the rounds of " + i.envName() + "\u2026");
        tasks.run("load rounds", () -> source.rounds(i.job(), i.index()), list -> {
            if (generation != roundsGeneration) {
                return;
            }
            rounds.setAll(list);
            message.set(i.envName() + ": " + list.size() + " round" + (list.size() == 1 ? "" : "s") + ", " + i.status()
                    + (i.message() == null || i.message().isBlank() ? "" : " (" + i.message() + ")") + ".");
            List<RoundRecord> failed = list.stream().filter(r -> !r.passed()).toList();
            if (!failed.isEmpty()) {
                round.set(failed.get(failed.size() - 1));
            } else if (!list.isEmpty()) {
                round.set(list.get(list.size() - 1));
            }
        }, e -> {
            if (generation == roundsGeneration) {
                message.set("Could not load the rounds: " + Dialogs.message(e));
            }
        });
    }

    // A round's findings ------------------------------------------------------------------------

    private void showRound(RoundRecord r) {
        finding.set(null);
        if (r == null) {
            findings.clear();
            roundSummary.set("");
            roundNumbers.clear();
            return;
        }
        List<Finding> out = new ArrayList<>();
        if (r.error() != null && r.audit() == null) {
            out.add(Finding.roundError(r.error()));
        }
        if (r.audit() != null) {
            for (TaskAudit ta : r.audit().tasks()) {
                TaskEvidence ev = r.evidence().stream().filter(e -> e.task().equals(ta.task())).findFirst().orElse(null);
                for (ItemVerdict v : ta.items()) {
                    if (!failuresOnly.get() || v.verdict() == AuditVerdict.FAIL) {
                        out.add(new Finding(ta.task(), v, ev));
                    }
                }
            }
        }
        findings.setAll(out);
        roundSummary.set(summary(r));
        if (!findings.isEmpty()) {
            finding.set(findings.get(0));
        }
        List<Integer> numbers = rounds.stream().map(RoundRecord::round).toList();
        updatingDiff = true;
        try {
            if (!roundNumbers.equals(numbers)) {
                roundNumbers.setAll(numbers);
            }
            diffTo.set(r.round());
            diffFrom.set(numbers.stream().filter(n -> n < r.round()).reduce((a, b) -> b).orElse(r.round()));
        } finally {
            updatingDiff = false;
        }
        diffChanged();
    }

    static String summary(RoundRecord r) {
        StringBuilder sb = new StringBuilder("Round " + r.round() + " by " + r.creator() + " / " + r.auditor() + ": ");
        if (r.audit() == null) {
            sb.append("could not finish").append(r.error() == null ? "" : " (" + r.error() + ")");
        } else {
            long failed = r.audit().tasks().stream().mapToLong(t -> t.failures().size()).sum();
            long failedTasks = r.audit().tasks().stream().filter(t -> !t.passed()).count();
            sb.append(r.passed() ? "the audit passed" : String.format(Locale.ROOT, "%d failed item%s in %d of %d tasks", failed,
                    failed == 1 ? "" : "s", failedTasks, r.audit().tasks().size()));
        }
        if (r.started() != null && r.finished() != null) {
            sb.append(String.format(Locale.ROOT, "; %.1f s", (r.finished().toEpochMilli() - r.started().toEpochMilli()) / 1000.0));
        }
        return sb.append('.').toString();
    }

    private void showFinding(Finding f) {
        long generation = ++shotGeneration;
        TaskEvidence ev = f == null ? null : f.evidence();
        probes.setAll(ProbeRow.of(ev));
        checkAtStart.set(ev == null ? "" : check(ev.atStart()));
        checkAtEnd.set(ev == null ? "" : check(ev.atEnd()));
        List<String> errs = new ArrayList<>();
        if (f != null && f.verdict().item().equals(Finding.ROUND_ERROR)) {
            errs.add("Round error: " + f.verdict().reason());
        }
        if (ev != null && ev.setupError() != null) {
            errs.add("Setup error: " + ev.setupError());
        }
        if (ev != null && ev.oracleError() != null) {
            errs.add("Oracle error: " + ev.oracleError());
        }
        errors.set(String.join("\n", errs));
        evidenceNotes.set(f == null ? "" : notes(f));
        startShot.set(null);
        endShot.set(null);
        if (ev != null) {
            load(ev.startShot(), startShot, generation);
            load(ev.endShot(), endShot, generation);
        }
        labelOf(f).ifPresent(diffTask::set);
    }

    /** "FAIL: 0 of 1 condition hold", then one line per condition: probe, arguments, test, what it read (long values cut). */
    static String check(CheckResult r) {
        if (r == null) {
            return "not run";
        }
        long ok = r.conditions().stream().filter(CheckResult.ConditionResult::passed).count();
        StringBuilder sb = new StringBuilder(r.passed() ? "PASS: " : "FAIL: ").append(ok).append(" of ").append(r.conditions().size())
                .append(r.conditions().size() == 1 ? " condition" : " conditions").append(" hold");
        for (CheckResult.ConditionResult c : r.conditions()) {
            sb.append('\n').append(c.passed() ? "\u2713 " : "\u2717 ").append(c.condition().probe()).append(' ')
                    .append(c.condition().args()).append(' ').append(c.condition().op()).append(' ')
                    .append(cut(c.condition().expected() == null ? "" : c.condition().expected().isTextual()
                            ? "\"" + c.condition().expected().asText() + "\"" : c.condition().expected().toString()))
                    .append(" \u2192 read \"").append(cut(c.actual() == null ? "" : c.actual().strip())).append('"');
        }
        return sb.toString();
    }

    /** One line, at most 80 characters. */
    static String cut(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 79) + "\u2026" : one;
    }

    private static String notes(Finding f) {
        TaskEvidence ev = f.evidence();
        List<String> out = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (String e : f.verdict().evidence()) {
            if (ev != null && e.equals(ev.startShot())) {
                refs.add("start screenshot");
            } else if (ev != null && e.equals(ev.endShot())) {
                refs.add("end screenshot");
            } else {
                refs.add(e);
            }
        }
        if (!refs.isEmpty()) {
            out.add("The verdict rests on: " + String.join(", ", refs) + ".");
        }
        if (ev != null) {
            out.add("Windows at the start: " + (ev.windowsAtStart().isEmpty() ? "none" : String.join(", ",
                    ev.windowsAtStart().stream().map(w -> "\"" + w.title() + "\" " + w.width() + "x" + w.height()).toList())));
            if (ev.ocrText() != null && !ev.ocrText().isBlank()) {
                String ocr = ev.ocrText().strip().replaceAll("\\s+", " ");
                out.add("OCR of the start screen: " + (ocr.length() > 400 ? ocr.substring(0, 400) + "\u2026" : ocr));
            }
            out.add(String.format(Locale.ROOT, "Evidence gathered in %.1f s.", ev.millis() / 1000.0));
        }
        return String.join("\n", out);
    }

    private void load(String sha, ReadOnlyObjectWrapper<Image> target, long generation) {
        if (sha == null || sha.isEmpty()) {
            return;
        }
        tasks.run("load screenshot", () -> blobs.apply(sha).map(b -> new Image(new ByteArrayInputStream(b))).orElse(null), img -> {
            if (generation == shotGeneration) {
                target.set(img);
            }
        }, e -> { });
    }

    // Diff between rounds ----------------------------------------------------------------------

    private Optional<RoundRecord> roundNumbered(Integer n) {
        return n == null ? Optional.empty() : rounds.stream().filter(r -> r.round() == n).findFirst();
    }

    private void diffChanged() {
        if (updatingDiff) {
            return;
        }
        Map<String, String[]> next = pairs(names(diffFrom.get()), names(diffTo.get()));
        updatingDiff = true;
        try {
            pairs.clear();
            pairs.putAll(next);
            List<String> labels = new ArrayList<>(next.keySet());
            if (!diffTasks.equals(labels)) {
                diffTasks.setAll(labels);
            }
            if (diffTask.get() == null || !next.containsKey(diffTask.get())) {
                diffTask.set(labelOf(finding.get()).orElse(labels.stream().findFirst().orElse(null)));
            }
        } finally {
            updatingDiff = false;
        }
        Map<String, String> from = artefacts(diffFrom.get(), 0);
        Map<String, String> to = artefacts(diffTo.get(), 1);
        Set<String> all = new LinkedHashSet<>(from.keySet());
        all.addAll(to.keySet());
        List<String> list = new ArrayList<>(all);
        changedArtefacts.clear();
        list.stream().filter(n -> !Objects.equals(from.get(n), to.get(n))).forEach(changedArtefacts::add);
        String keep = diffArtefact.get();
        updatingDiff = true;
        try {
            if (!diffArtefacts.equals(list)) {
                diffArtefacts.setAll(list);
            }
        } finally {
            updatingDiff = false;
        }
        String pick = keep != null && list.contains(keep) && !Objects.equals(diffFrom.get(), diffTo.get())
                && !Objects.equals(from.get(keep), to.get(keep)) ? keep
                : list.stream().filter(n -> !Objects.equals(from.get(n), to.get(n))).findFirst()
                        .orElse(keep != null && list.contains(keep) ? keep : list.stream().findFirst().orElse(null));
        if (Objects.equals(pick, diffArtefact.get())) {
            computeDiff();
        } else {
            diffArtefact.set(pick);
        }
    }

    private List<String> names(Integer roundNumber) {
        return roundNumbered(roundNumber).filter(r -> r.creation() != null)
                .map(r -> r.creation().environment().tasks().stream().map(TaskDraft::name).toList()).orElse(List.of());
    }

    /**
     * A task of one round with its counterpart in the other: the same name, else (a creator that
     * remade a task under a new seed renames it) the next unmatched task in order. Labelled by the
     * name, or "OLD \u2192 NEW" when it changed.
     */
    static Map<String, String[]> pairs(List<String> from, List<String> to) {
        List<String> onlyFrom = new ArrayList<>(from);
        onlyFrom.removeAll(to);
        List<String> onlyTo = new ArrayList<>(to);
        onlyTo.removeAll(from);
        Map<String, String[]> out = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(to);
        from.stream().filter(n -> !to.contains(n) && onlyFrom.indexOf(n) >= onlyTo.size()).forEach(order::add);
        for (String n : order) {
            if (from.contains(n) && to.contains(n)) {
                out.put(n, new String[] {n, n});
            } else if (to.contains(n)) {
                int i = onlyTo.indexOf(n);
                String old = i < onlyFrom.size() ? onlyFrom.get(i) : null;
                out.put(old == null ? n + " (new)" : old + " \u2192 " + n, new String[] {old, n});
            } else {
                out.put(n + " (gone)", new String[] {n, null});
            }
        }
        return out;
    }

    /** The pair label of the task a finding is about. */
    private Optional<String> labelOf(Finding f) {
        if (f == null || f.task().isEmpty()) {
            return Optional.empty();
        }
        return pairs.entrySet().stream().filter(e -> f.task().equals(e.getValue()[1]) || f.task().equals(e.getValue()[0]))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The artefacts of one side (0 from, 1 to) of the selected task pair. */
    private Map<String, String> artefacts(Integer roundNumber, int side) {
        String[] pair = diffTask.get() == null ? null : pairs.get(diffTask.get());
        if (pair == null || pair[side] == null) {
            return Map.of();
        }
        return roundNumbered(roundNumber).map(r -> Artefacts.of(r.creation(), pair[side])).orElse(Map.of());
    }

    private void computeDiff() {
        if (updatingDiff) {
            return;
        }
        String name = diffArtefact.get();
        if (name == null || diffTask.get() == null) {
            diff.set(List.of());
            diffSummary.set(rounds.isEmpty() ? "" : "Nothing to compare: no round made tasks.");
            return;
        }
        String a = artefacts(diffFrom.get(), 0).getOrDefault(name, "");
        String b = artefacts(diffTo.get(), 1).getOrDefault(name, "");
        List<LineDiff.Line> d = LineDiff.diff(a, b);
        diff.set(d);
        int[] c = LineDiff.counts(d);
        diffSummary.set(c[0] == 0 && c[1] == 0 ? String.format(Locale.ROOT, "%s: no change from round %s to round %s.", name,
                diffFrom.get(), diffTo.get())
                : String.format(Locale.ROOT, "%s, round %s \u2192 %s: %d line%s added, %d removed.", name, diffFrom.get(),
                        diffTo.get(), c[0], c[0] == 1 ? "" : "s", c[1]));
    }

    /** Whether an artefact differs between the two rounds compared. */
    public boolean changed(String artefact) {
        return changedArtefacts.contains(artefact);
    }

    /** The draft of a task in a round (for tests and the view's tooltips). */
    public Optional<TaskDraft> draft(int roundNumber, String task) {
        return roundNumbered(roundNumber).filter(r -> r.creation() != null)
                .flatMap(r -> r.creation().environment().tasks().stream().filter(t -> t.name().equals(task)).findFirst());
    }

    // Properties ---------------------------------------------------------------------------------

    public ObservableList<JobInfo> jobs() {
        return jobsReadOnly;
    }

    public ObjectProperty<JobInfo> jobProperty() {
        return job;
    }

    public ObservableList<JobItem> items() {
        return itemsReadOnly;
    }

    public ObjectProperty<JobItem> itemProperty() {
        return item;
    }

    public ObservableList<RoundRecord> rounds() {
        return roundsReadOnly;
    }

    public ObjectProperty<RoundRecord> roundProperty() {
        return round;
    }

    public BooleanProperty failuresOnlyProperty() {
        return failuresOnly;
    }

    public ObservableList<Finding> findings() {
        return findingsReadOnly;
    }

    public ObjectProperty<Finding> findingProperty() {
        return finding;
    }

    public ReadOnlyStringProperty roundSummaryProperty() {
        return roundSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> startShotProperty() {
        return startShot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> endShotProperty() {
        return endShot.getReadOnlyProperty();
    }

    public ObservableList<ProbeRow> probes() {
        return probesReadOnly;
    }

    public ReadOnlyStringProperty checkAtStartProperty() {
        return checkAtStart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkAtEndProperty() {
        return checkAtEnd.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty evidenceNotesProperty() {
        return evidenceNotes.getReadOnlyProperty();
    }

    public ObservableList<Integer> roundNumbers() {
        return roundNumbersReadOnly;
    }

    public ObjectProperty<Integer> diffFromProperty() {
        return diffFrom;
    }

    public ObjectProperty<Integer> diffToProperty() {
        return diffTo;
    }

    public ObservableList<String> diffTasks() {
        return diffTasksReadOnly;
    }

    public StringProperty diffTaskProperty() {
        return diffTask;
    }

    public ObservableList<String> diffArtefacts() {
        return diffArtefactsReadOnly;
    }

    public StringProperty diffArtefactProperty() {
        return diffArtefact;
    }

    public ReadOnlyObjectProperty<List<LineDiff.Line>> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
