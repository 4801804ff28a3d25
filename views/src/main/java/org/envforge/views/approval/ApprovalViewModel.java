package org.envforge.views.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.envforge.service.EnvironmentService;
import org.envforge.spec.StatusChange;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * State and actions of the approval queue: the tasks awaiting a curator's decision (audit passed,
 * by default), several selected at once, approved or rejected with a reason; the focused task's
 * instruction and audit summary. The list refreshes after each decision.
 */
public final class ApprovalViewModel {

    /** Which tasks the queue lists. */
    public enum Scope {
        AWAITING("Audit passed (awaiting approval)", TaskStatus.AUDIT_PASSED),
        AUDIT_FAILED("Audit failed", TaskStatus.AUDIT_FAILED),
        APPROVED("Approved", TaskStatus.APPROVED),
        REJECTED("Rejected", TaskStatus.REJECTED),
        ALL("All tasks", null);

        private final String label;
        private final TaskStatus status;

        Scope(String label, TaskStatus status) {
            this.label = label;
            this.status = status;
        }

        public String label() {
            return label;
        }

        public TaskStatus status() {
            return status;
        }
    }

    private final EnvironmentService service;
    private final TaskRunner tasks;
    private final String actor;

    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.AWAITING);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<TaskSummary> queue = FXCollections.observableArrayList();
    private final ObservableList<TaskSummary> queueReadOnly = FXCollections.unmodifiableObservableList(queue);
    private final ObservableList<TaskSummary> selected = FXCollections.observableArrayList();
    private final ObjectProperty<TaskSummary> focused = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<StoredTask> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper instruction = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper auditSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<StatusChange> history = FXCollections.observableArrayList();
    private final ObservableList<StatusChange> historyReadOnly = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long refreshGeneration;
    private long detailGeneration;

    /** @param actor who decides, as recorded in each task's history (such as "gui:alice") */
    public ApprovalViewModel(EnvironmentService service, TaskRunner tasks, String actor) {
        this.service = service;
        this.tasks = tasks;
        this.actor = actor;
        scope.addListener((o, a, b) -> refresh());
        search.addListener((o, a, b) -> refresh());
        focused.addListener((o, a, t) -> loadDetail(t));
    }

    /** Reloads the queue for the scope and search. */
    public void refresh() {
        Scope s = scope.get() == null ? Scope.AWAITING : scope.get();
        TaskFilter f = TaskFilter.all().withStatus(s.status()).withText(search.get());
        long generation = ++refreshGeneration;
        tasks.run("list tasks to approve", () -> service.tasks(f), list -> {
            if (generation != refreshGeneration) {
                return;
            }
            TaskSummary wasFocused = focused.get();
            queue.setAll(list);
            count.set(String.format(Locale.ROOT, "%,d task%s", list.size(), list.size() == 1 ? "" : "s"));
            Optional<TaskSummary> again = wasFocused == null ? Optional.empty()
                    : list.stream().filter(t -> t.key() == wasFocused.key()).findFirst();
            if (again.isPresent()) {
                focused.set(again.get());
                loadDetail(again.get());
            } else {
                focused.set(null);
            }
        }, e -> setStatus(true, "Could not list the tasks: " + Dialogs.message(e)));
    }

    private void loadDetail(TaskSummary t) {
        long generation = ++detailGeneration;
        if (t == null) {
            detail.set(null);
            instruction.set("");
            auditSummary.set("");
            history.clear();
            return;
        }
        tasks.run("load task", () -> service.task(t.key()).orElseThrow(() -> new IllegalArgumentException("no task " + t.ref())),
                st -> {
                    if (generation != detailGeneration) {
                        return;
                    }
                    detail.set(st);
                    instruction.set(st.summary().instruction() == null ? "" : st.summary().instruction());
                    auditSummary.set(auditSummary(st));
                    history.setAll(st.history());
                }, e -> setStatus(true, "Could not load " + t.ref() + ": " + Dialogs.message(e)));
    }

    /** The latest audit's outcome from the task's history, as one line. */
    static String auditSummary(StoredTask t) {
        List<StatusChange> h = t.history();
        for (int i = h.size() - 1; i >= 0; i--) {
            StatusChange c = h.get(i);
            if (c.actor() != null && c.actor().startsWith("auditor")) {
                String who = c.actor().contains(":") ? c.actor().substring(c.actor().indexOf(':') + 1) : c.actor();
                return (c.status() == TaskStatus.AUDIT_PASSED ? "Audit passed" : c.status() == TaskStatus.AUDIT_FAILED ? "Audit failed"
                        : c.status().label()) + " (" + who + " auditor)" + (c.reason() == null || c.reason().isBlank() ? "" : ": "
                                + c.reason());
            }
        }
        return "Not audited yet (" + t.summary().status().label() + ").";
    }

    /** Whether approving the selection needs an override (some selected task's audit did not pass). */
    public boolean needsOverride() {
        return selected.stream().anyMatch(t -> t.status() != TaskStatus.AUDIT_PASSED && t.status() != TaskStatus.APPROVED);
    }

    /** Approves the selected tasks; {@code done} gets the decisions on the FX thread. */
    public void approve(boolean override, Consumer<List<EnvironmentService.Decision>> done) {
        decide(true, null, override, done);
    }

    /** Rejects the selected tasks with a reason (required). */
    public void reject(String reason, Consumer<List<EnvironmentService.Decision>> done) {
        if (reason == null || reason.isBlank()) {
            setStatus(true, "A rejection needs a reason.");
            return;
        }
        decide(false, reason.strip(), false, done);
    }

    private void decide(boolean approve, String reason, boolean override, Consumer<List<EnvironmentService.Decision>> done) {
        List<String> refs = selected.stream().map(TaskSummary::ref).toList();
        if (refs.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(approve ? "approve" : "reject", () -> service.decide(refs, approve, actor, reason, override), decisions -> {
            busy.set(false);
            long changed = decisions.stream().filter(d -> d.to() != d.from()).count();
            List<String> refused = decisions.stream().filter(d -> d.to() == d.from()).map(EnvironmentService.Decision::task).toList();
            String what = approve ? "Approved" : "Rejected";
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %d task%s", what, changed, changed == 1 ? "" : "s"));
            if (!approve) {
                sb.append(": ").append(reason);
            }
            if (!refused.isEmpty()) {
                sb.append("; not approved (audit not passed): ").append(String.join(", ", refused));
            }
            setStatus(!refused.isEmpty(), sb.append('.').toString());
            refresh();
            if (done != null) {
                done.accept(decisions);
            }
        }, e -> {
            busy.set(false);
            setStatus(true, (approve ? "Could not approve: " : "Could not reject: ") + Dialogs.message(e));
        });
    }

    /** Called by the view with the table's selection. */
    public void select(List<TaskSummary> tasksSelected) {
        selected.setAll(new ArrayList<>(tasksSelected));
    }

    private void setStatus(boolean error, String text) {
        statusIsError.set(error);
        status.set(text);
    }

    // Properties ---------------------------------------------------------------------------------

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<TaskSummary> queue() {
        return queueReadOnly;
    }

    /** The selected tasks (the view keeps it in step with the table). */
    public ObservableList<TaskSummary> selected() {
        return selected;
    }

    public ObjectProperty<TaskSummary> focusedProperty() {
        return focused;
    }

    public ReadOnlyObjectProperty<StoredTask> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty instructionProperty() {
        return instruction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty auditSummaryProperty() {
        return auditSummary.getReadOnlyProperty();
    }

    public ObservableList<StatusChange> history() {
        return historyReadOnly;
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
