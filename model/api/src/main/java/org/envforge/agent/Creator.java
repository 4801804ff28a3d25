package org.envforge.agent;

import org.envforge.plugin.SoftwarePlugin;

/**
 * Makes environments and fixes them after an audit. Two kinds: the recipe creator (offline,
 * embedded: fills plugin templates with real data) and the LLM creator (LangChain4j).
 */
public interface Creator {

    /** Short id: recipe, llm. */
    String id();

    Creation create(CreationRequest request, SoftwarePlugin plugin);

    /** Reads the audit (never the auditor's notes on other creators) and returns a fixed environment. */
    Creation fix(CreationRequest request, SoftwarePlugin plugin, Creation previous, AuditReport audit);
}
