package org.envforge.text;

import static org.assertj.core.api.Assertions.assertThat;

/** What a sandbox may print, for tests of where it goes, and what "bounded and clean" means there. */
public final class Noise {

    /** The first words. */
    public static final String HEAD = "ERROR while seeding";
    /** The real error, at the very end. */
    public static final String TAIL = "Error: no such table: staff";
    /** 8 MiB of output with terminal escapes, a bell, a window-title sequence and a lone surrogate. */
    public static final String EIGHT_MIB = "\u001b[31m" + HEAD + "\u001b[0m\r\n" + "x".repeat(8 << 20) + "\u0007\u001b]0;pwned\u0007 bad "
            + "\ud800 byte\n" + TAIL + "\n";

    private Noise() {
    }

    /** No control character but line breaks and tabs, no escape, no lone surrogate. */
    public static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f;
            boolean loneSurrogate = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || loneSurrogate) {
                return false;
            }
        }
        return true;
    }

    /** Asserts that {@code s} (when not null) is at most {@code limit} characters and clean. */
    public static void assertBoundedAndClean(String what, String s, int limit) {
        if (s != null) {
            assertThat(s.length()).as(what + " length").isLessThanOrEqualTo(limit);
            assertThat(clean(s)).as(what + " is clean: " + s.substring(0, Math.min(200, s.length()))).isTrue();
        }
    }
}
