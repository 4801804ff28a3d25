package org.envforge.views.generation;

import java.util.Locale;
import javafx.scene.control.Label;
import org.envforge.agent.AuditVerdict;
import org.envforge.job.ItemStatus;

/** A coloured label for an audit verdict (pass, partial, fail) or a pending item. */
public final class VerdictBadge extends Label {

    public VerdictBadge() {
        getStyleClass().add("verdict-badge");
    }

    public VerdictBadge(AuditVerdict v) {
        this();
        set(v);
    }

    /** Shows the verdict; null means pending. */
    public void set(AuditVerdict v) {
        getStyleClass().removeIf(c -> c.startsWith("verdict-") && !c.equals("verdict-badge"));
        String name = v == null ? "pending" : v.name().toLowerCase(Locale.ROOT);
        setText(name);
        getStyleClass().add("verdict-" + name);
    }

    /** The style class of an item status (job-status-pending, -running, -passed, -failed, -error); null counts as pending. */
    public static String statusClass(ItemStatus status) {
        return "job-status-" + (status == null ? ItemStatus.PENDING : status).word();
    }
}
