package org.envforge.views.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.engine.JobItem;
import org.envforge.engine.RoundRecord;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * The audit debugger's left pane: an environment's rounds (the latest failed one chosen), the
 * chosen round's summary and its items (the failed ones, or all), each with its task's evidence.
 */
public final class FindingsModel {

    private final RoundSource source;
    private final TaskRunner tasks;
    private final Consumer<String> message;
    private final ObservableList<RoundRecord> rounds = FXCollections.observableArrayList();
    private final ObservableList<RoundRecord> roundsReadOnly = FXCollections.unmodifiableObservableList(rounds);
    private final ObjectProperty<RoundRecord> round = new SimpleObjectProperty<>();
    private final BooleanProperty failuresOnly = new SimpleBooleanProperty(true);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsReadOnly = FXCollections.unmodifiableObservableList(findings);
    private final ObjectProperty<Finding> finding = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private long generation;

    /** @param message where a line for the status bar goes */
    FindingsModel(RoundSource source, TaskRunner tasks, Consumer<String> message) {
        this.source = source;
        this.tasks = tasks;
        this.message = message;
        round.addListener((o, a, r) -> showRound(r));
        failuresOnly.addListener((o, a, b) -> showRound(round.get()));
    }

    /** Loads an environment's rounds (in the background) and chooses the latest failed one, else the latest. */
    void load(JobItem i) {
        long g = ++generation;
        round.set(null);
        rounds.clear();
        if (i == null) {
            return;
        }
        message.accept("Loading the rounds of " + i.envName() + "\u2026");
        tasks.run("load rounds", () -> source.rounds(i.job(), i.index()), list -> {
            if (g != generation) {
                return;
            }
            rounds.setAll(list);
            message.accept(i.envName() + ": " + list.size() + " round" + (list.size() == 1 ? "" : "s") + ", " + i.status()
                    + (i.message() == null || i.message().isBlank() ? "" : " (" + i.message() + ")") + ".");
            List<RoundRecord> failed = list.stream().filter(r -> !r.passed()).toList();
            if (!failed.isEmpty()) {
                round.set(failed.get(failed.size() - 1));
            } else if (!list.isEmpty()) {
                round.set(list.get(list.size() - 1));
            }
        }, e -> {
            if (g == generation) {
                message.accept("Could not load the rounds: " + Dialogs.message(e));
            }
        });
    }

    private void showRound(RoundRecord r) {
        finding.set(null);
        if (r == null) {
            findings.clear();
            summary.set("");
            return;
        }
        findings.setAll(findings(r, failuresOnly.get()));
        summary.set(summary(r));
        if (!findings.isEmpty()) {
            finding.set(findings.get(0));
        }
    }

    /** A round's items (only the failed ones when asked), each with its task's evidence; its error when it could not finish. */
    static List<Finding> findings(RoundRecord r, boolean failuresOnly) {
        List<Finding> out = new ArrayList<>();
        if (r.error() != null && r.audit() == null) {
            out.add(Finding.roundError(r.error()));
        }
        if (r.audit() != null) {
            for (TaskAudit ta : r.audit().tasks()) {
                TaskEvidence ev = r.evidence().stream().filter(e -> e.task().equals(ta.task())).findFirst().orElse(null);
                for (ItemVerdict v : ta.items()) {
                    if (!failuresOnly || v.verdict() == AuditVerdict.FAIL) {
                        out.add(new Finding(ta.task(), v, ev));
                    }
                }
            }
        }
        return out;
    }

    /** "Round 2 by recipe / rules: 3 failed items in 1 of 2 tasks; 4.2 s." */
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

    /** The chosen environment's rounds, oldest first. */
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

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
