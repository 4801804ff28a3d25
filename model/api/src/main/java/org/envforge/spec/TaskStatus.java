package org.envforge.spec;

import java.util.Locale;

/** The lifecycle of a task: made, audited, then approved or rejected by a curator. */
public enum TaskStatus {
    DRAFT, AUDITING, AUDIT_PASSED, AUDIT_FAILED, APPROVED, REJECTED;

    /** "audit-passed". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TaskStatus parse(String s) {
        String n = s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status \"" + s + "\" (one of draft, auditing, audit-passed, "
                    + "audit-failed, approved, rejected)");
        }
    }
}
