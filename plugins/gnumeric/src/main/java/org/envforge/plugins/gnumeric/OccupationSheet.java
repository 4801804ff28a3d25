package org.envforge.plugins.gnumeric;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.TemplateContext;

/**
 * The start workbook of the Gnumeric tasks: one sheet named {@value #SHEET} listing occupations of
 * one SOC major group, a header in row 1 and one occupation per row from row 2 (column A SOC code,
 * B title, C employment, D annual mean wage in whole dollars). The template writes it as Gnumeric
 * XML; the setup script converts it with ssconvert into a native, compressed .gnumeric file.
 *
 * @param name the workbook's file name in the sandbox home, such as sales_and_related.gnumeric
 * @param group the major group's short title
 * @param rows the occupations, in SOC order
 */
record OccupationSheet(String name, String group, List<Row> rows) {

    static final String SHEET = "Occupations";
    static final List<String> HEADER = List.of("SOC code", "Occupation", "Employment", "Annual mean wage (USD)");

    /** Where the template's XML goes before setup converts it. */
    private static final String SEED_DIR = ".seed";

    /** One occupation as the sheet shows it: wage rounded to whole dollars. */
    record Row(String soc, String title, long employment, long wage) {

        static Row of(SeedData.Occupation o) {
            return new Row(o.soc(), o.title(), o.employment(), Math.round(o.annualMeanWage()));
        }
    }

    OccupationSheet {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a sheet needs at least one occupation");
        }
    }

    /**
     * Picks a major group with at least {@code min} occupations from the seed and samples at most
     * {@code max} of them.
     */
    static OccupationSheet sample(TemplateContext ctx, Random r, int min, int max) {
        SeedData data = ctx.data();
        List<String> groups = data.majorGroups().stream().filter(g -> data.occupations(g).size() >= min).toList();
        if (groups.isEmpty()) {
            throw new IllegalStateException("no major group has " + min + " occupations with wages");
        }
        String g = groups.get(r.nextInt(groups.size()));
        List<SeedData.Occupation> picked = ctx.sample(data.occupations(g), max, r);
        String group = picked.get(0).majorGroupTitle();
        return new OccupationSheet(Drafts.slug(group) + ".gnumeric", group, picked.stream().map(Row::of).toList());
    }

    /** The same workbook without some rows (to break ties). */
    OccupationSheet without(Row row) {
        return new OccupationSheet(name, group, rows.stream().filter(x -> !x.equals(row)).toList());
    }

    /** The workbook's path for probes and instructions, such as ~/sales_and_related.gnumeric. */
    String path() {
        return "~/" + name;
    }

    /** The one-based row number of the last occupation. */
    int lastRow() {
        return rows.size() + 1;
    }

    /** The data cells of a column, such as C2:C9. */
    String range(String column) {
        return column + "2:" + column + lastRow();
    }

    long totalEmployment() {
        return rows.stream().mapToLong(Row::employment).sum();
    }

    /** The start files: the workbook as Gnumeric XML, for the setup script to convert. */
    Map<String, byte[]> files() {
        return Map.of(seedFile(), xml().getBytes(StandardCharsets.UTF_8));
    }

    /** Converts the XML into the native workbook with Gnumeric's own converter and removes the XML. */
    String setup() {
        return "ssconvert -T Gnumeric_XmlIO:sax \"$HOME/" + seedFile() + "\" \"$HOME/" + name + "\"\n"
                + "rm -rf \"$HOME/" + SEED_DIR + "\"\n";
    }

    /** Gnumeric on the workbook, filling the 1280x800 screen from its top-left corner. */
    List<String> launch() {
        return List.of("gnumeric", "--geometry=1280x800+0+0", CellArgs.absolute(path()));
    }

    /** The main window's title once the workbook is open ("name - Gnumeric", with a * while unsaved). */
    String windowTitle() {
        return Pattern.quote(name) + " - Gnumeric$";
    }

    private String seedFile() {
        return SEED_DIR + "/" + name.replace(".gnumeric", ".xml");
    }

    /** The workbook as Gnumeric XML: bold header, widths that show every title, thousands separators. */
    String xml() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<gnm:Workbook xmlns:gnm=\"http://www.gnumeric.org/v10.dtd\">\n")
                .append("  <gnm:SheetNameIndex><gnm:SheetName>").append(SHEET).append("</gnm:SheetName></gnm:SheetNameIndex>\n")
                .append("  <gnm:Sheets>\n    <gnm:Sheet>\n      <gnm:Name>").append(SHEET).append("</gnm:Name>\n")
                .append("      <gnm:Cols DefaultSizePts=\"64\">\n");
        int titleWidth = Math.min(420, 40 + 6 * rows.stream().mapToInt(r -> r.title().length()).max().orElse(20));
        int[] widths = {64, titleWidth, 80, 140};
        for (int c = 0; c < widths.length; c++) {
            x.append("        <gnm:ColInfo No=\"").append(c).append("\" Unit=\"").append(widths[c]).append("\"/>\n");
        }
        x.append("      </gnm:Cols>\n      <gnm:Styles>\n");
        style(x, 0, 0, 3, 0, "General", true);
        style(x, 2, 1, 3, rows.size(), "#,##0", false);
        x.append("      </gnm:Styles>\n      <gnm:Cells>\n");
        for (int c = 0; c < HEADER.size(); c++) {
            text(x, 0, c, HEADER.get(c));
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            text(x, i + 1, 0, r.soc());
            text(x, i + 1, 1, r.title());
            number(x, i + 1, 2, r.employment());
            number(x, i + 1, 3, r.wage());
        }
        return x.append("      </gnm:Cells>\n    </gnm:Sheet>\n  </gnm:Sheets>\n</gnm:Workbook>\n").toString();
    }

    private static void style(StringBuilder x, int col0, int row0, int col1, int row1, String format, boolean bold) {
        x.append("        <gnm:StyleRegion startCol=\"").append(col0).append("\" startRow=\"").append(row0)
                .append("\" endCol=\"").append(col1).append("\" endRow=\"").append(row1).append("\">\n")
                .append("          <gnm:Style Format=\"").append(escape(format)).append("\">\n")
                .append("            <gnm:Font Unit=\"10\" Bold=\"").append(bold ? 1 : 0).append("\">Sans</gnm:Font>\n")
                .append("          </gnm:Style>\n        </gnm:StyleRegion>\n");
    }

    /** A string cell (value type 60). */
    private static void text(StringBuilder x, int row, int col, String s) {
        x.append("        <gnm:Cell Row=\"").append(row).append("\" Col=\"").append(col).append("\" ValueType=\"60\">")
                .append(escape(s)).append("</gnm:Cell>\n");
    }

    /** A number cell (value type 40). */
    private static void number(StringBuilder x, int row, int col, long n) {
        x.append("        <gnm:Cell Row=\"").append(row).append("\" Col=\"").append(col).append("\" ValueType=\"40\">")
                .append(n).append("</gnm:Cell>\n");
    }

    /** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
