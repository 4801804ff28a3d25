package org.envforge.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.envforge.agent.Auditor;
import org.envforge.agent.Creator;

/** Agents by id from the factories given (recipe and rules always; llm and vlm when an endpoint is configured). */
public final class DefaultAgents implements Agents {

    private final Map<String, Supplier<Creator>> creators;
    private final Map<String, Supplier<Auditor>> auditors;

    public DefaultAgents(Map<String, Supplier<Creator>> creators, Map<String, Supplier<Auditor>> auditors) {
        this.creators = new TreeMap<>(creators);
        this.auditors = new TreeMap<>(auditors);
    }

    @Override
    public Creator creator(String id) {
        Supplier<Creator> s = creators.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no creator \"" + id + "\" (available: " + String.join(", ", creators.keySet())
                    + (id.equals("llm") ? "; configure an LLM endpoint with ENVFORGE_LLM_URL and ENVFORGE_LLM_MODEL" : "") + ")");
        }
        return s.get();
    }

    @Override
    public Auditor auditor(String id) {
        Supplier<Auditor> s = auditors.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no auditor \"" + id + "\" (available: " + String.join(", ", auditors.keySet())
                    + (id.equals("vlm") ? "; configure an LLM endpoint with ENVFORGE_LLM_URL and ENVFORGE_LLM_MODEL" : "") + ")");
        }
        return s.get();
    }
}
