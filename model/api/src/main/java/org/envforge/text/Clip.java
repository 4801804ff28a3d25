package org.envforge.text;

import java.util.Locale;

/**
 * Text from outside (what a sandbox printed, a probe read, a model replied) made fit for where it
 * goes: sanitised (terminal escapes and control characters removed, line breaks and tabs kept,
 * lone surrogates replaced by U+FFFD, as the runtimes' UTF-8 decoding replaces invalid bytes) and bounded (a longer text keeps its head
 * and its tail, where errors usually are, around a marker that says how many bytes were cut).
 * One limit per sink:
 * <ul>
 * <li>{@link #REASON}: a round's error, an audit reason, a probe reading, an item's or a job's
 * message, an event's text, a log line;</li>
 * <li>{@link #PROMPT_SECTION}: one piece of outside text in a prompt to a model;</li>
 * <li>{@link #LINE}: a status bar (on one line).</li>
 * </ul>
 * Whatever needs the whole text keeps it elsewhere (the setup output goes to the blob store).
 */
public final class Clip {

    /** 4 KiB: a reason, a message, an event, a log line. */
    public static final int REASON = 4 * 1024;
    /** 16 KiB: one section of a prompt. */
    public static final int PROMPT_SECTION = 16 * 1024;
    /** 300 characters: a status bar. */
    public static final int LINE = 300;

    private Clip() {
    }

    /** The text sanitised and at most {@code max} characters long (null stays null). */
    public static String text(String s, int max) {
        return s == null ? null : bound(sanitize(s, false), max);
    }

    /**
     * The text at most {@code max} characters long (head and tail kept as for {@link #text}) but not
     * sanitised: for a sink that shows control characters as escapes itself, such as the log file.
     */
    public static String bounded(String s, int max) {
        return s == null ? null : bound(s, max);
    }

    /** A throwable as a reason: its message (an Error's after its kind), else its kind; clipped to {@link #REASON}. */
    public static String reason(Throwable t) {
        String m = t.getMessage() == null || t.getMessage().isBlank() ? null : t.getMessage();
        String kind = t.getClass().getSimpleName();
        return text(m == null ? kind : t instanceof Error ? kind + ": " + m : m, REASON);
    }

    /** As {@link #text(String, int)} on one line: runs of white space (line breaks and tabs too) become one space. */
    public static String line(String s, int max) {
        return s == null ? null : bound(sanitize(s, true).strip(), max);
    }

    /**
     * Terminal escapes (CSI, OSC, DCS and the other string and two-byte sequences, 7- and 8-bit)
     * and control characters removed, bidirectional overrides removed, CR LF and lone CR made LF,
     * lone surrogates replaced; on one line, runs of white space become one space.
     */
    private static String sanitize(String s, boolean oneLine) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 1 << 20));
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == 0x1b || c == 0x9b || c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) {
                i = skipEscape(s, i);
                continue;
            }
            i++;
            if (c == '\r') {
                if (i < n && s.charAt(i) == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (c == '\n' || c == '\t') {
                if (!oneLine) {
                    out.append(c);
                } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                continue;
            }
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(s.charAt(i))) {
                out.append(c).append(s.charAt(i++));
                continue;
            }
            if (Character.isSurrogate(c)) {
                c = '\ufffd';
            }
            if (oneLine && c == ' ' && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The index after the escape sequence that starts at {@code i}. */
    private static int skipEscape(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        char kind;
        int j;
        if (c == 0x1b) {
            if (i + 1 >= n) {
                return n;
            }
            kind = s.charAt(i + 1);
            j = i + 2;
        } else {
            kind = switch (c) {
                case 0x9b -> '[';
                case 0x9d -> ']';
                default -> 'P'; // DCS, SOS, PM, APC: strings up to the terminator
            };
            j = i + 1;
        }
        switch (kind) {
            case '[' -> {
                // CSI: parameter and intermediate bytes, then one final byte
                while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3f) {
                    j++;
                }
                while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
                    j++;
                }
                return j < n && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7e ? j + 1 : j;
            }
            case ']', 'P', 'X', '^', '_' -> {
                // a string: up to BEL or ST (ESC \ or 0x9c)
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == 0x07 || d == 0x9c) {
                        return j + 1;
                    }
                    if (d == 0x1b && j + 1 < n && s.charAt(j + 1) == '\\') {
                        return j + 2;
                    }
                    j++;
                }
                return n;
            }
            default -> {
                // ESC, intermediate bytes, one final byte (charset designations, keypad modes, ...)
                j = i + 1;
                while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
                    j++;
                }
                return j < n && s.charAt(j) >= 0x30 && s.charAt(j) <= 0x7e ? j + 1 : j;
            }
        }
    }

    /** The head and the tail (twice as long) around "… [cut N bytes] …" when {@code s} is longer than {@code max}. */
    private static String bound(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String marker = " \u2026 [cut " + String.format(Locale.ROOT, "%,d", utf8Length(s, 0, s.length())) + " bytes] \u2026 ";
        int budget = max - marker.length();
        if (budget < 2) {
            return s.substring(0, headEnd(s, Math.max(0, max)));
        }
        int head = headEnd(s, budget / 3);
        int tail = tailStart(s, s.length() - (budget - head));
        // No longer than the first marker: fewer bytes are cut than the whole has.
        marker = " \u2026 [cut " + String.format(Locale.ROOT, "%,d", utf8Length(s, head, tail)) + " bytes] \u2026 ";
        return s.substring(0, head) + marker + s.substring(tail);
    }

    /** {@code i}, or one less when a head ending there would split a surrogate pair. */
    private static int headEnd(String s, int i) {
        return splitsPair(s, i) ? i - 1 : i;
    }

    /** {@code i}, or one more when a tail starting there would split a surrogate pair. */
    private static int tailStart(String s, int i) {
        return splitsPair(s, i) ? i + 1 : i;
    }

    private static boolean splitsPair(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static long utf8Length(String s, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
