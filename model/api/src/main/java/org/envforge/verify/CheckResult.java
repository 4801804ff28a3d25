package org.envforge.verify;

import java.util.List;
import org.envforge.spec.Checker;
import org.envforge.text.Clip;

/** The outcome of a checker: passed when every condition held, with each condition's actual value. */
public record CheckResult(boolean passed, List<ConditionResult> conditions) {

    public CheckResult {
        conditions = List.copyOf(conditions);
    }

    /** One condition: what the probe read and whether it matched (both texts clipped to a reason's size). */
    public record ConditionResult(Checker.Condition condition, String actual, boolean passed, String message) {

        public ConditionResult {
            actual = Clip.text(actual, Clip.REASON);
            message = Clip.text(message, Clip.REASON);
        }
    }

    /** "2 of 3 conditions hold; cell B9: expected 1,234 but found 1,200" (clipped to a reason's size). */
    public String summary() {
        long ok = conditions.stream().filter(ConditionResult::passed).count();
        StringBuilder sb = new StringBuilder(ok + " of " + conditions.size() + " condition" + (conditions.size() == 1 ? "" : "s")
                + " hold");
        conditions.stream().filter(c -> !c.passed()).forEach(c -> sb.append("; ").append(c.message()));
        return Clip.text(sb.toString(), Clip.REASON);
    }
}
