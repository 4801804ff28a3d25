package org.envforge.views.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.envforge.engine.RoundRecord;
import org.envforge.plugin.TaskDraft;

/**
 * The audit debugger's diff tab: a task's scripts and artefacts compared between two rounds of an
 * environment (by default the chosen round and the one before it), the changed artefact first.
 */
public final class RoundDiffModel {

    private final List<RoundRecord> rounds;
    private final ObservableList<Integer> roundNumbers = FXCollections.observableArrayList();
    private final ObservableList<Integer> roundNumbersReadOnly = FXCollections.unmodifiableObservableList(roundNumbers);
    private final ObjectProperty<Integer> from = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> to = new SimpleObjectProperty<>();
    private final ObservableList<String> tasks = FXCollections.observableArrayList();
    private final ObservableList<String> tasksReadOnly = FXCollections.unmodifiableObservableList(tasks);
    private final StringProperty task = new SimpleStringProperty();
    private final ObservableList<String> artefacts = FXCollections.observableArrayList();
    private final ObservableList<String> artefactsReadOnly = FXCollections.unmodifiableObservableList(artefacts);
    private final StringProperty artefact = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<List<LineDiff.Line>> diff = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Set<String> changedArtefacts = new HashSet<>();
    private final Map<String, String[]> pairs = new LinkedHashMap<>();
    private Finding focus;
    private boolean updating;

    /** @param rounds the environment's rounds, oldest first (a live list: the rounds pane's) */
    RoundDiffModel(List<RoundRecord> rounds) {
        this.rounds = rounds;
        from.addListener((o, a, b) -> pairsChanged());
        to.addListener((o, a, b) -> pairsChanged());
        task.addListener((o, a, b) -> pairsChanged());
        artefact.addListener((o, a, b) -> compute());
    }

    /** Compares the chosen round (null: none) with the round before it. */
    void compare(RoundRecord r) {
        if (r == null) {
            roundNumbers.clear();
            return;
        }
        List<Integer> numbers = rounds.stream().map(RoundRecord::round).toList();
        updating = true;
        try {
            if (!roundNumbers.equals(numbers)) {
                roundNumbers.setAll(numbers);
            }
            to.set(r.round());
            from.set(numbers.stream().filter(n -> n < r.round()).reduce((a, b) -> b).orElse(r.round()));
        } finally {
            updating = false;
        }
        pairsChanged();
    }

    /** Compares the task an item is about (when it is in both rounds' pairs), and prefers it after a change of rounds. */
    void focus(Finding f) {
        focus = f;
        labelOf(f).ifPresent(task::set);
    }

    private Optional<RoundRecord> roundNumbered(Integer n) {
        return n == null ? Optional.empty() : rounds.stream().filter(r -> r.round() == n).findFirst();
    }

    private void pairsChanged() {
        if (updating) {
            return;
        }
        Map<String, String[]> next = pairs(names(from.get()), names(to.get()));
        updating = true;
        try {
            pairs.clear();
            pairs.putAll(next);
            List<String> labels = new ArrayList<>(next.keySet());
            if (!tasks.equals(labels)) {
                tasks.setAll(labels);
            }
            if (task.get() == null || !next.containsKey(task.get())) {
                task.set(labelOf(focus).orElse(labels.stream().findFirst().orElse(null)));
            }
        } finally {
            updating = false;
        }
        Map<String, String> a = artefacts(from.get(), 0);
        Map<String, String> b = artefacts(to.get(), 1);
        Set<String> all = new LinkedHashSet<>(a.keySet());
        all.addAll(b.keySet());
        List<String> list = new ArrayList<>(all);
        changedArtefacts.clear();
        list.stream().filter(n -> !Objects.equals(a.get(n), b.get(n))).forEach(changedArtefacts::add);
        String keep = artefact.get();
        updating = true;
        try {
            if (!artefacts.equals(list)) {
                artefacts.setAll(list);
            }
        } finally {
            updating = false;
        }
        String pick = keep != null && list.contains(keep) && !Objects.equals(from.get(), to.get())
                && !Objects.equals(a.get(keep), b.get(keep)) ? keep
                : list.stream().filter(n -> !Objects.equals(a.get(n), b.get(n))).findFirst()
                        .orElse(keep != null && list.contains(keep) ? keep : list.stream().findFirst().orElse(null));
        if (Objects.equals(pick, artefact.get())) {
            compute();
        } else {
            artefact.set(pick);
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
        String[] pair = task.get() == null ? null : pairs.get(task.get());
        if (pair == null || pair[side] == null) {
            return Map.of();
        }
        return roundNumbered(roundNumber).map(r -> Artefacts.of(r.creation(), pair[side])).orElse(Map.of());
    }

    private void compute() {
        if (updating) {
            return;
        }
        String name = artefact.get();
        if (name == null || task.get() == null) {
            diff.set(List.of());
            summary.set(rounds.isEmpty() ? "" : "Nothing to compare: no round made tasks.");
            return;
        }
        String before = artefacts(from.get(), 0).getOrDefault(name, "");
        List<LineDiff.Line> d = LineDiff.diff(before, artefacts(to.get(), 1).getOrDefault(name, ""));
        diff.set(d);
        int[] c = LineDiff.counts(d);
        summary.set(c[0] == 0 && c[1] == 0 ? String.format(Locale.ROOT, "%s: no change from round %s to round %s.", name,
                from.get(), to.get())
                : String.format(Locale.ROOT, "%s, round %s \u2192 %s: %d line%s added, %d removed.", name, from.get(),
                        to.get(), c[0], c[0] == 1 ? "" : "s", c[1]));
    }

    /** Whether an artefact differs between the two rounds compared. */
    public boolean changed(String name) {
        return changedArtefacts.contains(name);
    }

    /** The draft of a task in a round (for tests and the view's tooltips). */
    public Optional<TaskDraft> draft(int roundNumber, String taskName) {
        return roundNumbered(roundNumber).filter(r -> r.creation() != null)
                .flatMap(r -> r.creation().environment().tasks().stream().filter(t -> t.name().equals(taskName)).findFirst());
    }

    /** The numbers of the environment's rounds, to compare. */
    public ObservableList<Integer> roundNumbers() {
        return roundNumbersReadOnly;
    }

    public ObjectProperty<Integer> fromProperty() {
        return from;
    }

    public ObjectProperty<Integer> toProperty() {
        return to;
    }

    /** The task pairs of the two rounds, by label. */
    public ObservableList<String> tasks() {
        return tasksReadOnly;
    }

    public StringProperty taskProperty() {
        return task;
    }

    /** The artefacts of the chosen task pair. */
    public ObservableList<String> artefacts() {
        return artefactsReadOnly;
    }

    public StringProperty artefactProperty() {
        return artefact;
    }

    public ReadOnlyObjectProperty<List<LineDiff.Line>> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
