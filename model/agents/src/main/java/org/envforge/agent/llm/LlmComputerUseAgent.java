package org.envforge.agent.llm;

import org.envforge.agent.AgentException;
import org.envforge.agent.ComputerUseAgent;
import org.envforge.text.Clip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The computer-use agent that asks a vision-language model for each step. One chat request per
 * step carries a system prompt (the screen size, the action space with Gym-Anything dicts as the
 * preferred format and OSWorld computer_13 objects accepted, and the reply format
 * {@code {"thought": "...", "action": {...}}}) and a user message with the instruction, a compact
 * summary of the last actions and their words, an auditor's feedback when there is one, and the
 * screenshot attached as a PNG image.
 *
 * <p>The reply is read leniently (code fences and prose around the JSON are fine) and checked: the
 * action must parse, its points must lie on the screen and typed text must not be empty. A refused
 * reply goes back to the model with the reason, up to a number of refusals per step, after which
 * the step fails with an {@link AgentException}. Transport failures come from {@link LlmClient}
 * as its {@link AgentException}s. The decision's response is the model's thought.
 *
 * <p>Holds no state between steps (the observation carries the history), so one instance can
 * serve several episodes, also at once.
 */
public final class LlmComputerUseAgent implements ComputerUseAgent {

    public static final String ID = "llm";
    /** Default refused replies per step before the step fails. */
    public static final int DEFAULT_REFUSALS = 3;
    /** Default number of earlier steps summarised in each request. */
    public static final int DEFAULT_HISTORY_STEPS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(LlmComputerUseAgent.class);

    private final LlmClient client;
    private final int maxRefusals;
    private final int historySteps;

    public LlmComputerUseAgent(LlmClient client) {
        this(client, DEFAULT_REFUSALS, DEFAULT_HISTORY_STEPS);
    }

    /**
     * @param maxRefusals how many replies of one step may be refused before the step fails (at least 1)
     * @param historySteps how many earlier steps each request summarises (0 for none)
     */
    public LlmComputerUseAgent(LlmClient client, int maxRefusals, int historySteps) {
        if (client == null) {
            throw new IllegalArgumentException("the llm agent needs an LLM client");
        }
        if (maxRefusals < 1) {
            throw new IllegalArgumentException("the llm agent must allow at least one refusal, was " + maxRefusals);
        }
        if (historySteps < 0) {
            throw new IllegalArgumentException("the llm agent's history steps must not be negative, was " + historySteps);
        }
        this.client = client;
        this.maxRefusals = maxRefusals;
        this.historySteps = historySteps;
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * @throws AgentException when the endpoint fails or every reply of the step is refused
     * @throws IllegalArgumentException when the observation has no instruction or no screen size
     */
    @Override
    public Decision next(Observation observation) {
        checkObservation(observation);
        ComputerUseReplies replies = new ComputerUseReplies(observation.width(), observation.height());
        return ask(ComputerUsePrompts.prompt(observation, historySteps), replies, observation.step());
    }

    private Decision ask(LlmPrompt first, ComputerUseReplies replies, int step) {
        LlmPrompt prompt = first;
        String reason = null;
        for (int i = 1; i <= maxRefusals; i++) {
            String reply = client.chat(prompt);
            try {
                return replies.read(reply);
            } catch (ReplyRejected e) {
                reason = e.getMessage();
            }
            LOG.info("llm agent, step {}: reply {} of at most {} refused: {}", step + 1, i, maxRefusals, Clip.text(reason, Clip.REASON));
            prompt = prompt.corrected(reply, ComputerUsePrompts.correction(reason));
        }
        throw new AgentException("llm agent: the model's reply broke the action schema " + maxRefusals
                + (maxRefusals == 1 ? " time" : " times") + "; last reason: " + reason);
    }

    private static void checkObservation(Observation o) {
        if (o == null) {
            throw new IllegalArgumentException("the llm agent needs an observation");
        }
        if (o.instruction() == null || o.instruction().isBlank()) {
            throw new IllegalArgumentException("the llm agent needs an instruction");
        }
        if (o.width() <= 0 || o.height() <= 0) {
            throw new IllegalArgumentException("the llm agent needs the screen size, was " + o.width() + "x" + o.height());
        }
    }
}
