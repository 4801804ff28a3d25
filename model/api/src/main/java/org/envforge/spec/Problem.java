package org.envforge.spec;

/**
 * A validation finding about a spec file: where (file, JSON pointer, line when known) and what.
 *
 * @param file the file path relative to the imported folder, e.g. tasks/basic_formulas/task.json
 * @param pointer a JSON pointer such as /init/max_steps, or "" for the whole file
 * @param line 1-based line in the file, or 0 when unknown
 */
public record Problem(Severity severity, String file, String pointer, int line, String message) {

    public enum Severity {
        /** The item cannot be used; an import skips it (and keeps what was stored before). */
        ERROR,
        /** The item is usable but incomplete or suspicious (a referenced script is missing, ...). */
        WARNING
    }

    public static Problem error(String file, String pointer, String message) {
        return new Problem(Severity.ERROR, file, pointer, 0, message);
    }

    public static Problem warning(String file, String pointer, String message) {
        return new Problem(Severity.WARNING, file, pointer, 0, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Problem withLine(int l) {
        return new Problem(severity, file, pointer, l, message);
    }

    /** "error: tasks/x/task.json /init/max_steps (line 9): expected an integer". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(file);
        if (pointer != null && !pointer.isEmpty()) {
            sb.append(' ').append(pointer);
        }
        if (line > 0) {
            sb.append(" (line ").append(line).append(')');
        }
        return sb.append(": ").append(message).toString();
    }
}
