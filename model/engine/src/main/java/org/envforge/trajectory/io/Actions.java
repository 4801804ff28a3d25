package org.envforge.trajectory.io;

import java.util.List;
import org.envforge.action.Action;
import org.envforge.trajectory.ActionText;

/** Step texts for imported actions. */
final class Actions {

    private Actions() {
    }

    static String text(List<Action> actions) {
        if (actions.isEmpty()) {
            return "(no action)";
        }
        return String.join("; ", actions.stream().map(ActionText::of).toList());
    }

    static String firstLine(String code) {
        String s = code.strip();
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl) + " \u2026";
        return first.length() > 80 ? first.substring(0, 79) + "\u2026" : first;
    }
}
