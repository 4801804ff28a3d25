package org.envforge.views.generation;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.envforge.agent.AuditVerdict;

/** One audit item of one task in the live checklist: pending (null verdict) until the auditor answers it. */
public final class ChecklistRow {

    private final String task;
    private final String item;
    private final String question;
    private final ReadOnlyObjectWrapper<AuditVerdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");

    public ChecklistRow(String task, String item, String question) {
        this.task = task;
        this.item = item;
        this.question = question;
    }

    public String task() {
        return task;
    }

    public String item() {
        return item;
    }

    public String question() {
        return question;
    }

    public ReadOnlyObjectProperty<AuditVerdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public AuditVerdict verdict() {
        return verdict.get();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public String reason() {
        return reason.get();
    }

    void answer(AuditVerdict v, String why) {
        verdict.set(v);
        reason.set(why == null ? "" : why);
    }
}
