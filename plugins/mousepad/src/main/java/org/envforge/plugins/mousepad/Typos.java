package org.envforge.plugins.mousepad;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Realistic typos for start states: two neighbouring digits or letters swapped. */
final class Typos {

    private static final Pattern WORD = Pattern.compile("\\b[a-z]{6,}\\b");

    private Typos() {
    }

    /**
     * A word misspelt throughout a text.
     *
     * @param word the right spelling
     * @param wrong the misspelling (two inner letters swapped)
     * @param count how many times it occurs
     * @param text the text with every occurrence misspelt
     */
    record Misspelling(String word, String wrong, int count, String text) {
    }

    /**
     * A number with two neighbouring, different digits swapped (never giving a leading zero), or
     * empty when all its digits are the same.
     */
    static Optional<Long> swapDigits(long value, Random r) {
        char[] d = Long.toString(value).toCharArray();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + 1 < d.length; i++) {
            if (d[i] != d[i + 1] && !(i == 0 && d[1] == '0')) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return Optional.empty();
        }
        int i = at.get(r.nextInt(at.size()));
        char c = d[i];
        d[i] = d[i + 1];
        d[i + 1] = c;
        return Optional.of(Long.parseLong(new String(d)));
    }

    /**
     * Misspells a word of a text everywhere it occurs, choosing among lower-case words of six
     * letters or more that occur at least {@code minCount} times, such that a case-insensitive
     * find-and-replace of the misspelling restores the text exactly: every case-insensitive
     * occurrence of the word is a whole-word, lower-case one, and the misspelling occurs nowhere
     * else. Empty when no word qualifies.
     */
    static Optional<Misspelling> misspell(String text, int minCount, Random r) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        List<String> words = new ArrayList<>(counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .filter(e -> count(text.toLowerCase(Locale.ROOT), e.getKey()) == e.getValue()).map(e -> e.getKey()).toList());
        Collections.shuffle(words, r);
        for (String w : words) {
            List<Integer> at = new ArrayList<>();
            for (int i = 1; i + 2 < w.length(); i++) {
                if (w.charAt(i) != w.charAt(i + 1)) {
                    at.add(i);
                }
            }
            Collections.shuffle(at, r);
            for (int i : at) {
                String wrong = w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2);
                String bad = Pattern.compile("\\b" + w + "\\b").matcher(text).replaceAll(wrong);
                int n = counts.get(w);
                if (!text.toLowerCase(Locale.ROOT).contains(wrong) && count(bad, wrong) == n
                        && count(bad.toLowerCase(Locale.ROOT), wrong) == n) {
                    return Optional.of(new Misspelling(w, wrong, n, bad));
                }
            }
        }
        return Optional.empty();
    }

    /** Non-overlapping occurrences of a text in another. */
    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
