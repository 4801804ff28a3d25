package org.envforge.engine;

import org.envforge.agent.Auditor;
import org.envforge.agent.Creator;

/** Makes the creator and the auditor a job asks for by id (recipe, llm; rules, vlm). */
public interface Agents {

    Creator creator(String id);

    Auditor auditor(String id);
}
