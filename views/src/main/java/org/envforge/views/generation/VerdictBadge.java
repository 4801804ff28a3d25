package org.envforge.views.generation;

import java.util.Locale;
import javafx.scene.control.Label;
import org.envforge.agent.Verdict;

/** A coloured label for an audit verdict (pass, partial, fail) or a pending item. */
public final class VerdictBadge extends Label {

    public VerdictBadge() {
        getStyleClass().add("verdict-badge");
    }

    public VerdictBadge(Verdict v) {
        this();
        set(v);
    }

    /** Shows the verdict; null means pending. */
    public void set(Verdict v) {
        getStyleClass().removeIf(c -> c.startsWith("verdict-") && !c.equals("verdict-badge"));
        String name = v == null ? "pending" : v.name().toLowerCase(Locale.ROOT);
        setText(name);
        getStyleClass().add("verdict-" + name);
    }

    /** The style class of a job or item status (pending, running, passed, failed, error, done, cancelled). */
    public static String statusClass(String status) {
        return "job-status-" + (status == null ? "pending" : status.toLowerCase(Locale.ROOT));
    }
}
