package org.envforge.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The mapping between a status constant and the lower-case word the store keeps (and the CLI and views show). */
final class StoredWords {

    private StoredWords() {
    }

    /** "passed" for PASSED. */
    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose word is {@code word} exactly; an IllegalArgumentException naming the bad value and the good ones otherwise. */
    static <E extends Enum<E>> E of(E[] values, String word, String what) {
        for (E e : values) {
            if (word(e).equals(word)) {
                return e;
            }
        }
        throw new IllegalArgumentException((word == null ? "no " + what + " (null)" : "unknown " + what + " \"" + word + "\"")
                + "; expected one of " + Arrays.stream(values).map(StoredWords::word).collect(Collectors.joining(", ")));
    }
}
