package org.envforge.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One parameter, declared once with its name, type, default, limits and help text (as mzmine
 * declares a module's parameters once): the CLI's options and the workbench's forms are built
 * from it and refuse a value the same way, through {@link #accept(Object)}.
 *
 * @param <T> the type of its values
 */
public final class Parameter<T> {

    /** What a parameter holds; the CLI picks its converter and the form its control by it. */
    public enum Kind {
        /** Free text, possibly with suggested values. */
        TEXT,
        /** A list of texts (repeatable, or comma-separated on the command line). */
        LIST,
        /** A whole number in an int's range. */
        INT,
        /** A whole number in a long's range. */
        LONG,
        /** A decimal number. */
        DECIMAL
    }

    private final String name;
    private final Kind kind;
    private final String option;
    private final String label;
    private final String paramLabel;
    private final T defaultValue;
    private final T min;
    private final T max;
    private final List<String> choices;
    private final String help;

    private Parameter(String name, Kind kind, String option, String label, String paramLabel, T defaultValue, T min, T max,
            List<String> choices, String help) {
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        this.option = Objects.requireNonNull(option);
        this.label = Objects.requireNonNull(label);
        this.paramLabel = Objects.requireNonNull(paramLabel);
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        this.help = Objects.requireNonNull(help);
    }

    /** Free text; {@code defaultValue} may be null (absent); {@code choices} are the usual values, others are accepted. */
    public static Parameter<String> text(String name, String label, String defaultValue, List<String> choices, String help) {
        return new Parameter<>(name, Kind.TEXT, "--" + name, label, "NAME", defaultValue, null, null, choices, help);
    }

    /** A list of texts, empty by default; {@code choices} are the usual values. */
    public static Parameter<List<String>> list(String name, String label, String help) {
        return new Parameter<>(name, Kind.LIST, "--" + name, label, "X", List.of(), null, null, List.of(), help);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Parameter<Integer> integer(String name, String label, int defaultValue, int min, int max, String help) {
        return new Parameter<>(name, Kind.INT, "--" + name, label, "N", defaultValue, min, max, List.of(), help);
    }

    /** A whole number from {@code min} to {@code max}, in a long's range. */
    public static Parameter<Long> whole(String name, String label, long defaultValue, long min, long max, String help) {
        return new Parameter<>(name, Kind.LONG, "--" + name, label, "N", defaultValue, min, max, List.of(), help);
    }

    /** A decimal number from {@code min} to {@code max}. */
    public static Parameter<Double> decimal(String name, String label, double defaultValue, double min, double max, String help) {
        return new Parameter<>(name, Kind.DECIMAL, "--" + name, label, "X", defaultValue, min, max, List.of(), help);
    }

    /** The same parameter under another command-line option (such as --agent for the creator) and value label. */
    public Parameter<T> cli(String otherOption, String otherParamLabel) {
        return new Parameter<>(name, kind, otherOption, label, otherParamLabel, defaultValue, min, max, choices, help);
    }

    /** Its id (such as envs); forms name their fields after it. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The command-line option, such as --envs. */
    public String option() {
        return option;
    }

    /** Its name for people, as forms label it (such as Environments). */
    public String label() {
        return label;
    }

    /** What the command-line help calls its value, such as N or RATE. */
    public String paramLabel() {
        return paramLabel;
    }

    /** The value when none is given (null: absent). */
    public T defaultValue() {
        return defaultValue;
    }

    /** The smallest value accepted, for numbers (else null). */
    public T min() {
        return min;
    }

    /** The largest value accepted, for numbers (else null). */
    public T max() {
        return max;
    }

    /** The usual values, offered by forms and shell completion (others are accepted). */
    public List<String> choices() {
        return choices;
    }

    /** What it does, one sentence without the limits and the default. */
    public String help() {
        return help;
    }

    /** The limits for people, such as "1 to 100", "at least 0", "recipe or llm", or empty. */
    public String limits() {
        if (min != null) {
            boolean open = max.equals(Integer.MAX_VALUE) || max.equals(Long.MAX_VALUE);
            return open ? "at least " + text(min) : text(min) + " to " + text(max);
        }
        return choices.isEmpty() ? "" : String.join(", ", choices.subList(0, choices.size() - 1))
                + (choices.size() > 1 ? " or " : "") + choices.get(choices.size() - 1);
    }

    /** The help text with the limits and the default, as both the CLI's help and the form's tooltip show it. */
    public String describe() {
        List<String> notes = new ArrayList<>();
        if (!limits().isEmpty()) {
            notes.add(limits());
        }
        if (defaultValue != null && !(defaultValue instanceof List<?> l && l.isEmpty())) {
            notes.add("default " + text(defaultValue));
        }
        return help + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")") + ".";
    }

    /** A value as people read it (1, 0.5, recipe, a,b). */
    public static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        if (value instanceof List<?> l) {
            return String.join(",", l.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /**
     * The value to use for {@code value}: null and blank text become the default, a list may be
     * given as comma-separated text, its entries are stripped and blank ones dropped, numbers are
     * checked against the limits.
     *
     * @throws IllegalArgumentException naming the parameter when the value is out of range or of another type
     */
    public T accept(Object value) {
        return switch (kind) {
            case TEXT -> cast(value == null || value.toString().isBlank() ? defaultValue : value.toString().strip());
            case LIST -> cast(list(value));
            case INT, LONG, DECIMAL -> cast(number(value));
        };
    }

    private List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return list(List.of(text.split(",")));
        }
        if (!(value instanceof List<?> l)) {
            throw refused("a list", value);
        }
        return l.stream().filter(Objects::nonNull).map(v -> v.toString().strip()).filter(s -> !s.isEmpty()).toList();
    }

    private Object number(Object value) {
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number n)) {
            throw refused(kind == Kind.DECIMAL ? "a number" : "a whole number", value);
        }
        double v = n.doubleValue();
        if (Double.isNaN(v) || v < ((Number) min).doubleValue() || v > ((Number) max).doubleValue()) {
            throw refused(limits().startsWith("at least") ? limits() : "from " + limits(), value);
        }
        return switch (kind) {
            case INT -> n.intValue();
            case LONG -> n.longValue();
            default -> v;
        };
    }

    private IllegalArgumentException refused(String what, Object value) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s (%s) must be %s, was %s", label, option, what, text(value)));
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }

    @Override
    public String toString() {
        return name;
    }
}
