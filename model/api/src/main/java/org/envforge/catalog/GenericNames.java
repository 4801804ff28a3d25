package org.envforge.catalog;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells O*NET's generic category entries ("Web browser software", "Point of sale POS software")
 * from named products ("Microsoft Excel", "SAP software"). An entry is generic when it equals a
 * UNSPSC commodity title, or when it reads as a plain phrase: a capitalised first word and lower
 * case later words, all of them words that O*NET uses in lower case somewhere (commodity titles,
 * later words of other entries), acronyms allowed where they spell the initials of the words
 * before them.
 */
public final class GenericNames {

    private static final Pattern CAPITALISED = Pattern.compile("[A-Z][a-z]+");
    private static final Pattern LOWER = Pattern.compile("[a-z][a-z\\-/]*");
    private static final Pattern ACRONYM = Pattern.compile("[A-Z]{2,6}");

    private final Set<String> titles = new HashSet<>();
    private final Set<String> vocabulary = new HashSet<>();

    public GenericNames(Collection<TechSkill> skills) {
        for (TechSkill s : skills) {
            String title = s.commodityTitle().toLowerCase(Locale.ROOT);
            titles.add(title);
            for (String w : title.split(" ")) {
                vocabulary.add(w);
            }
            String[] words = s.example().split(" ");
            for (int i = 1; i < words.length; i++) {
                if (LOWER.matcher(words[i]).matches()) {
                    vocabulary.add(words[i]);
                }
            }
        }
    }

    public boolean isGeneric(String name) {
        if (titles.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String[] words = name.split(" ");
        if (!CAPITALISED.matcher(words[0]).matches() || !vocabulary.contains(words[0].toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (LOWER.matcher(w).matches() && vocabulary.contains(w)) {
                continue;
            }
            if (ACRONYM.matcher(w).matches() && initials(words, i).endsWith(w)) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static String initials(String[] words, int before) {
        StringBuilder sb = new StringBuilder(before);
        for (int i = 0; i < before; i++) {
            if (!words[i].isEmpty()) {
                sb.append(Character.toUpperCase(words[i].charAt(0)));
            }
        }
        return sb.toString();
    }
}
