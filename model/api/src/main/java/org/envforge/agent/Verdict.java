package org.envforge.agent;

/** An auditor's answer for one checklist item. */
public enum Verdict {
    PASS, PARTIAL, FAIL
}
