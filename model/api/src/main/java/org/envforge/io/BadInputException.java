package org.envforge.io;

import org.envforge.error.UserException;

/**
 * Input that EnvForge cannot accept. The message always names where the problem is: the file
 * (or other source), and where known the line and the field or JSON pointer.
 */
public class BadInputException extends UserException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String field;
    private final String problem;

    public BadInputException(String source, long line, String field, String problem) {
        this(source, line, field, problem, null);
    }

    public BadInputException(String source, long line, String field, String problem, Throwable cause) {
        super(format(source, line, field, problem), cause);
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(": line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            sb.append(": ").append(field);
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The file name or other source description. */
    public String source() {
        return source;
    }

    /** 1-based line number, or 0 when the problem is not tied to one line. */
    public long line() {
        return line;
    }

    /** The column, field or JSON pointer, or null. */
    public String field() {
        return field;
    }

    /** The problem alone, without the location. */
    public String problem() {
        return problem;
    }
}
