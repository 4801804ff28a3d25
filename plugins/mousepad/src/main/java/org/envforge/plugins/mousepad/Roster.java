package org.envforge.plugins.mousepad;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.TemplateContext;

/**
 * A plain-text list of the occupations of one BLS major group, one per line after a two-line
 * header: {@code 15-1252 | Software Developers | 1,656,880 | $138,110}.
 */
final class Roster {

    static final String COLUMNS = "SOC code | Occupation | Employment | Annual mean wage";

    private final String groupTitle;
    private final List<SeedData.Occupation> rows;

    Roster(String groupTitle, List<SeedData.Occupation> rows) {
        this.groupTitle = groupTitle;
        this.rows = List.copyOf(rows);
    }

    /**
     * Occupations of a major group chosen from the seed: a group with at least {@code min} occupations
     * whose lines are plain ASCII (so an oracle can type them), sampled down to {@code max}, in SOC order.
     */
    static Roster sample(TemplateContext ctx, Random r, int min, int max) {
        List<String> ok = new ArrayList<>();
        for (String g : ctx.data().majorGroups()) {
            if (ascii(ctx.data().occupations(g)).size() >= min) {
                ok.add(g);
            }
        }
        String g = ok.get(r.nextInt(ok.size()));
        List<SeedData.Occupation> all = ascii(ctx.data().occupations(g));
        return new Roster(all.get(0).majorGroupTitle(), ctx.sample(all, max, r));
    }

    private static List<SeedData.Occupation> ascii(List<SeedData.Occupation> in) {
        return in.stream().filter(o -> line(o).chars().allMatch(c -> c >= 32 && c < 127)).toList();
    }

    List<SeedData.Occupation> rows() {
        return rows;
    }

    String groupTitle() {
        return groupTitle;
    }

    /** The file's name, such as computer_and_mathematical.txt. */
    String fileName() {
        return Drafts.slug(groupTitle) + ".txt";
    }

    /** One occupation's line. */
    static String line(SeedData.Occupation o) {
        return o.soc() + " | " + o.title() + " | " + String.format(Locale.ROOT, "%,d", o.employment()) + " | "
                + money(Math.round(o.annualMeanWage()));
    }

    /** Dollars with thousands separators, such as $138,110. */
    static String money(long usd) {
        return String.format(Locale.ROOT, "$%,d", usd);
    }

    /** The header lines. */
    List<String> header() {
        return List.of(groupTitle + " occupations, BLS OEWS May 2023 national estimates", COLUMNS);
    }

    /** The whole file: header, then the lines of the given occupations, each ending with a newline. */
    String text(List<SeedData.Occupation> shown) {
        List<String> lines = new ArrayList<>(header());
        shown.forEach(o -> lines.add(line(o)));
        return String.join("\n", lines) + "\n";
    }

    /** The whole file with every occupation. */
    String text() {
        return text(rows);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
