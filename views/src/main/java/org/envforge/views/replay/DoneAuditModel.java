package org.envforge.views.replay;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * The annotation panel's test-time audit of the open trajectory's "done": the stored audit, or
 * one run now in the background (replayed in a fresh sandbox when the task can run there, else
 * judged from the final screenshot); the result is stored and shown.
 */
public final class DoneAuditModel {

    /** Runs and stores an audit of a trajectory, and gives the trajectory as stored after it. */
    interface Auditor {

        TestTimeAudit audit(long trajectory);

        Trajectory get(long trajectory);
    }

    private final Auditor auditor;
    private final TaskRunner tasks;
    private final ObservableValue<Trajectory> open;
    private final Consumer<Trajectory> updated;
    private final ReadOnlyObjectWrapper<TestTimeAudit> audit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper auditing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /**
     * @param open the open trajectory
     * @param updated gets the trajectory as stored after an audit
     */
    DoneAuditModel(Auditor auditor, TaskRunner tasks, ObservableValue<Trajectory> open, Consumer<Trajectory> updated) {
        this.auditor = auditor;
        this.tasks = tasks;
        this.open = open;
        this.updated = updated;
    }

    /** Shows a stored audit (null for none) and no message: another trajectory is open. */
    void show(TestTimeAudit stored) {
        audit.set(stored);
        message.set("");
    }

    /** Audits the open trajectory's "done" in the background. */
    public void auditDone() {
        Trajectory t = open.getValue();
        if (t == null || auditing.get()) {
            return;
        }
        auditing.set(true);
        message.set("Auditing\u2026 (the steps are replayed in a fresh sandbox when EnvForge can run the task)");
        tasks.run("audit trajectory " + t.id(), () -> {
            TestTimeAudit a = auditor.audit(t.id());
            return new Audited(a, auditor.get(t.id()));
        }, r -> {
            auditing.set(false);
            Trajectory cur = open.getValue();
            if (cur != null && cur.id() == t.id()) {
                show(r.audit());
            }
            updated.accept(r.trajectory());
        }, e -> {
            auditing.set(false);
            message.set("Audit failed: " + Dialogs.message(e));
        });
    }

    private record Audited(TestTimeAudit audit, Trajectory trajectory) {
    }

    /** The newest test-time audit of the open trajectory (stored, or just run), or null. */
    public ReadOnlyObjectProperty<TestTimeAudit> auditProperty() {
        return audit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty auditingProperty() {
        return auditing.getReadOnlyProperty();
    }

    /** What the audit is doing, or why it failed; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
