package org.envforge.agent;

import java.util.List;
import org.envforge.action.Action;

/**
 * An agent that acts on a screen: given the instruction and the current screenshot (and what it did
 * so far), it answers the next action and its words. Implementations: the oracle (plays a task's
 * solution) and the LLM computer-use agent (LangChain4j).
 */
public interface ComputerUseAgent {

    /** Short id: oracle, llm. */
    String id();

    /** The next step. A {@link Action.Done} or {@link Action.Fail} action ends the episode. */
    Decision next(Observation observation);

    /**
     * What the agent sees.
     *
     * @param screenshotPng the screen now, as PNG
     * @param step the step number, from 0
     * @param history the agent's earlier decisions in this episode
     * @param feedback an auditor's feedback after a premature "done" (null otherwise)
     */
    record Observation(String instruction, byte[] screenshotPng, int width, int height, int step, List<Decision> history,
            String feedback) {

        public Observation {
            history = List.copyOf(history);
        }
    }

    /** An action and the agent's words about it (its reasoning or reply). */
    record Decision(Action action, String response) {
    }
}
