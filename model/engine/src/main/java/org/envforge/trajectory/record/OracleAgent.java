package org.envforge.trajectory.record;

import java.util.List;
import org.envforge.action.Action;
import org.envforge.agent.ComputerUseAgent;

/** Plays a task's oracle solution, one action per step, then says done. */
public final class OracleAgent implements ComputerUseAgent {

    private final List<Action> actions;
    private final int stopAfter;

    public OracleAgent(List<Action> actions) {
        this(actions, actions.size());
    }

    /** An oracle that stops (and says done) after {@code stopAfter} actions: a premature "done", for audits. */
    public OracleAgent(List<Action> actions, int stopAfter) {
        this.actions = List.copyOf(actions);
        this.stopAfter = Math.min(stopAfter, actions.size());
    }

    @Override
    public String id() {
        return stopAfter < actions.size() ? "oracle-truncated-" + stopAfter : "oracle";
    }

    @Override
    public Decision next(Observation o) {
        if (o.step() >= stopAfter) {
            return new Decision(new Action.Done(), "The task is complete.");
        }
        Action a = actions.get(o.step());
        return new Decision(a, "oracle step " + (o.step() + 1) + " of " + actions.size());
    }
}
