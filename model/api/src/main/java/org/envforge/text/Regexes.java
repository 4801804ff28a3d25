package org.envforge.text;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions from untrusted places (a creator's checker or window title, an imported
 * spec) run against text with a time limit: a pattern with catastrophic backtracking such as
 * {@code ^(.*a){20}b} would otherwise hold a job for hours on a 64-character title. The text is
 * wrapped so that the matcher, which reads it character by character, is stopped at the limit.
 */
public final class Regexes {

    /** How long one match may take. */
    public static final Duration LIMIT = Duration.ofSeconds(1);

    private Regexes() {
    }

    /** Thrown when a match runs past its limit. */
    public static final class TooSlow extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooSlow(Pattern p, int length) {
            super("the regular expression \"" + Clip.text(p.pattern(), 200) + "\" took longer than " + LIMIT.toMillis()
                    + " ms on " + length + " characters (catastrophic backtracking?); write it without nested repetition");
        }
    }

    /** Whether the whole text matches. */
    public static boolean matches(Pattern p, CharSequence text) {
        return run(p, text, true);
    }

    /** Whether the pattern occurs in the text. */
    public static boolean find(Pattern p, CharSequence text) {
        return run(p, text, false);
    }

    /**
     * A pattern from an untrusted place, compiled once: a pattern that does not compile, or whose
     * match runs past the limit, matches nothing (the one rule for window titles, probe
     * expectations and audits, which all treat such a pattern as "no match").
     */
    public static Untrusted untrusted(String pattern, int flags) {
        try {
            return new Untrusted(Pattern.compile(pattern, flags), null);
        } catch (PatternSyntaxException e) {
            return new Untrusted(null, Clip.text(e.getDescription() + " in \"" + pattern + "\"", Clip.REASON));
        }
    }

    /** See {@link #untrusted(String, int)}. */
    public static final class Untrusted {
        private final Pattern pattern;
        private final String error;

        private Untrusted(Pattern pattern, String error) {
            this.pattern = pattern;
            this.error = error;
        }

        /** Whether the whole text matches; false for a bad or too slow pattern. */
        public boolean matches(CharSequence text) {
            return test(text, true);
        }

        /** Whether the pattern occurs in the text; false for a bad or too slow pattern. */
        public boolean find(CharSequence text) {
            return test(text, false);
        }

        /** Why the pattern does not compile (clipped), if it does not. */
        public Optional<String> error() {
            return Optional.ofNullable(error);
        }

        private boolean test(CharSequence text, boolean whole) {
            if (pattern == null) {
                return false;
            }
            try {
                return run(pattern, text, whole);
            } catch (TooSlow e) {
                return false;
            }
        }
    }

    private static boolean run(Pattern p, CharSequence text, boolean whole) {
        Deadline d = new Deadline(text, System.nanoTime() + LIMIT.toNanos());
        Matcher m = p.matcher(d);
        try {
            return whole ? m.matches() : m.find();
        } catch (Deadline.Expired e) {
            throw new TooSlow(p, text.length());
        }
    }

    /** Text whose every read checks the time. */
    private static final class Deadline implements CharSequence {
        private final CharSequence text;
        private final long end;
        private int reads;

        static final class Expired extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Expired() {
                super(null, null, false, false);
            }
        }

        Deadline(CharSequence text, long end) {
            this.text = text;
            this.end = end;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() > end) {
                throw new Expired();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int stop) {
            return new Deadline(text.subSequence(start, stop), end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
