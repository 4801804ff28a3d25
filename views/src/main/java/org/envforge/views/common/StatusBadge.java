package org.envforge.views.common;

import javafx.scene.control.Label;
import org.envforge.spec.TaskStatus;

/** A coloured label for a task's lifecycle status. */
public final class StatusBadge extends Label {

    public StatusBadge() {
        getStyleClass().add("status-badge");
    }

    public StatusBadge(TaskStatus status) {
        this();
        set(status);
    }

    public void set(TaskStatus status) {
        getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-badge"));
        if (status == null) {
            setText("");
            return;
        }
        setText(status.label());
        getStyleClass().add("status-" + status.label());
    }
}
