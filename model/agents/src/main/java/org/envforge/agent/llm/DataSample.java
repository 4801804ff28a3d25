package org.envforge.agent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.envforge.plugin.SeedData;

/** A few real occupation rows for the prompt, chosen from a seed: the rows of one major group. */
final class DataSample {

    static final List<String> HEADER = List.of("soc", "title", "major_group", "employment", "annual_mean_wage", "description");

    private DataSample() {
    }

    /** Up to {@code n} rows of one major group with at least 5 occupations, as tab-separated text with a header; "" without data. */
    static String rows(SeedData data, long seed, int n) {
        List<SeedData.Occupation> all = data.occupations();
        if (all.isEmpty()) {
            return "";
        }
        Random r = new Random(seed);
        List<String> groups = data.majorGroups().stream().filter(g -> data.occupations(g).size() >= 5).toList();
        List<SeedData.Occupation> pool = groups.isEmpty() ? all : data.occupations(groups.get(r.nextInt(groups.size())));
        List<SeedData.Occupation> picked = new ArrayList<>(pool);
        java.util.Collections.shuffle(picked, r);
        picked = new ArrayList<>(picked.subList(0, Math.min(n, picked.size())));
        picked.sort(java.util.Comparator.comparing(SeedData.Occupation::soc));
        StringBuilder sb = new StringBuilder(String.join("\t", HEADER)).append('\n');
        for (SeedData.Occupation o : picked) {
            sb.append(String.join("\t", o.soc(), clean(o.title()), clean(o.majorGroupTitle()), Long.toString(o.employment()),
                    String.format(Locale.ROOT, "%.0f", o.annualMeanWage()), shorten(clean(o.description()), 160))).append('\n');
        }
        return sb.toString();
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').strip();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
