package org.envforge.plugins.sqlitebrowser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.TemplateContext;

/**
 * The start state the templates share: an SQLite database ~/oews.db with the tables
 * {@code major_groups} and {@code occupations} (BLS OEWS May 2023 figures), written as an SQL
 * script into the home and loaded by the setup script with the sqlite3 command-line shell.
 */
final class OewsDatabase {

    /** The database as the instructions and probes name it. */
    static final String PATH = "~/oews.db";
    /** The seed script, relative to the home; the setup script deletes it once loaded. */
    static final String SEED = ".seed/oews.sql";
    static final String SETUP = "sqlite3 -batch -bail ~/oews.db < ~/" + SEED + "\nrm -rf ~/.seed\n";
    static final List<String> COLUMNS = List.of("soc", "title", "major_group", "employment", "annual_mean_wage");

    private OewsDatabase() {
    }

    /** One row of the occupations table: employment and the mean wage rounded to whole dollars. */
    record Row(String soc, String title, String majorGroup, String majorGroupTitle, long employment, long wage) {

        static Row of(SeedData.Occupation o) {
            return new Row(o.soc(), o.title(), o.majorGroup(), o.majorGroupTitle(), o.employment(), Math.round(o.annualMeanWage()));
        }

        Row withWage(long w) {
            return new Row(soc, title, majorGroup, majorGroupTitle, employment, w);
        }

        List<Object> values() {
            return List.of(soc, title, majorGroup, employment, wage);
        }
    }

    /** Occupations a GUI oracle can type: employment and wage known, title in printable ASCII. */
    static boolean usable(SeedData.Occupation o) {
        return o.employment() > 0 && o.annualMeanWage() > 0 && o.title().matches("[ -~]+");
    }

    /** Up to {@code max} usable occupations of one major group that has at least {@code min}, chosen from the seed. */
    static List<Row> group(TemplateContext ctx, Random r, int min, int max) {
        return groups(ctx, r, 1, min, max);
    }

    /** Up to {@code max} usable occupations from each of {@code count} distinct major groups having at least {@code min}. */
    static List<Row> groups(TemplateContext ctx, Random r, int count, int min, int max) {
        List<String> ok = new ArrayList<>(ctx.data().majorGroups().stream()
                .filter(g -> usableIn(ctx, g).size() >= min).toList());
        if (ok.size() < count) {
            throw new IllegalStateException("the seed data has fewer than " + count + " major groups with " + min + " occupations");
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String g = ok.remove(r.nextInt(ok.size()));
            ctx.sample(usableIn(ctx, g), max, r).forEach(o -> out.add(Row.of(o)));
        }
        out.sort((a, b) -> a.soc().compareTo(b.soc()));
        return out;
    }

    private static List<SeedData.Occupation> usableIn(TemplateContext ctx, String group) {
        return ctx.data().occupations(group).stream().filter(OewsDatabase::usable).toList();
    }

    /** The SQL script that creates and fills both tables, in one transaction. */
    static String script(List<Row> rows) {
        Map<String, String> groups = new LinkedHashMap<>();
        rows.stream().sorted((a, b) -> a.majorGroup().compareTo(b.majorGroup()))
                .forEach(r -> groups.putIfAbsent(r.majorGroup(), r.majorGroupTitle()));
        StringBuilder sb = new StringBuilder("BEGIN;\n");
        sb.append("CREATE TABLE major_groups (code TEXT PRIMARY KEY, title TEXT NOT NULL);\n");
        sb.append("CREATE TABLE occupations (soc TEXT PRIMARY KEY, title TEXT NOT NULL, "
                + "major_group TEXT NOT NULL REFERENCES major_groups(code), employment INTEGER NOT NULL, "
                + "annual_mean_wage INTEGER NOT NULL);\n");
        groups.forEach((code, title) -> sb.append(Sql.insert("major_groups", List.of("code", "title"), List.of(code, title)))
                .append('\n'));
        for (Row r : rows) {
            sb.append(Sql.insert("occupations", COLUMNS, r.values())).append('\n');
        }
        return sb.append("COMMIT;\n").toString();
    }

    /** The start files: the seed script. */
    static Map<String, byte[]> files(List<Row> rows) {
        return Map.of(SEED, script(rows).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The smallest round number t with {@code below < t <= atLeast}: a threshold that splits two
     * neighbouring values. Rounds to thousands, then hundreds, tens, and ones, as the gap allows.
     */
    static long splitBetween(long below, long atLeast) {
        if (below >= atLeast) {
            throw new IllegalArgumentException("no threshold splits " + below + " and " + atLeast);
        }
        for (long step = 1000; step >= 1; step /= 10) {
            long t = (below / step + 1) * step;
            if (t <= atLeast) {
                return t;
            }
        }
        return atLeast;
    }

    /**
     * A round threshold that splits sorted values at a random gap between two different
     * neighbours: at least one value lies below it and at least one at or above it.
     */
    static long threshold(List<Long> sorted, Random r) {
        List<Integer> gaps = new ArrayList<>();
        for (int k = 0; k + 1 < sorted.size(); k++) {
            if (sorted.get(k) < sorted.get(k + 1)) {
                gaps.add(k);
            }
        }
        if (gaps.isEmpty()) {
            throw new IllegalArgumentException("no two different values to split: " + sorted);
        }
        int k = gaps.get(r.nextInt(gaps.size()));
        return splitBetween(sorted.get(k), sorted.get(k + 1));
    }

    /**
     * The major groups of the rows for an instruction: "Computer and Mathematical (15-0000)", or
     * "two major groups, Computer and Mathematical (15-0000) and Legal (23-0000)".
     */
    static String describeGroups(List<Row> rows) {
        List<String> names = rows.stream().sorted((a, b) -> a.majorGroup().compareTo(b.majorGroup()))
                .map(x -> x.majorGroupTitle() + " (" + x.majorGroup() + ")").distinct().toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        String all = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return (names.size() == 2 ? "two" : String.valueOf(names.size())) + " major groups, " + all;
    }

    /** A dollar amount such as $84,230. */
    static String money(long usd) {
        return String.format(java.util.Locale.ROOT, "$%,d", usd);
    }

    /** A count such as 1,234,560. */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
