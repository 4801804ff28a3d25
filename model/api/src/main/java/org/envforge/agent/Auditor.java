package org.envforge.agent;

/**
 * Checks a creator's environment against the audit checklist from the evidence alone. Two kinds:
 * the rule auditor (embedded; rules, probes and OCR) and the VLM auditor (LangChain4j, with the
 * screenshots attached).
 */
public interface Auditor {

    /** Short id: rules, vlm. */
    String id();

    AuditReport audit(AuditInput input);
}
