package org.envforge.plugins.gnumeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OccupationSheetTest {

    private static final OccupationSheet SHEET = new OccupationSheet("sales_and_related.gnumeric", "Sales and Related", List.of(
            new OccupationSheet.Row("41-1011", "First-Line Supervisors of Retail Sales & \"Other\" <Workers>", 1_200_000, 50_123),
            new OccupationSheet.Row("41-2031", "Retail Salespersons", 3_700_000, 35_000)));

    @Test
    void laysOutOneOccupationPerRowBelowTheHeader() {
        assertThat(SHEET.lastRow()).isEqualTo(3);
        assertThat(SHEET.range("C")).isEqualTo("C2:C3");
        assertThat(SHEET.totalEmployment()).isEqualTo(4_900_000);
        assertThat(SHEET.path()).isEqualTo("~/sales_and_related.gnumeric");
    }

    @Test
    void writesEscapedGnumericXml() {
        String xml = SHEET.xml();
        assertThat(xml).contains("<gnm:Name>Occupations</gnm:Name>")
                .contains("<gnm:Cell Row=\"1\" Col=\"1\" ValueType=\"60\">First-Line Supervisors of Retail Sales &amp; "
                        + "&quot;Other&quot; &lt;Workers&gt;</gnm:Cell>")
                .contains("<gnm:Cell Row=\"2\" Col=\"2\" ValueType=\"40\">3700000</gnm:Cell>")
                .contains("<gnm:Cell Row=\"0\" Col=\"3\" ValueType=\"60\">Annual mean wage (USD)</gnm:Cell>");
        assertThat(OccupationSheet.escape("a\u0001b'c")).isEqualTo("ab&apos;c");
    }

    @Test
    void startsGnumericOnTheConvertedWorkbook() {
        assertThat(SHEET.files()).containsOnlyKeys(".seed/sales_and_related.xml");
        assertThat(SHEET.setup()).contains("ssconvert -T Gnumeric_XmlIO:sax \"$HOME/.seed/sales_and_related.xml\" "
                + "\"$HOME/sales_and_related.gnumeric\"");
        assertThat(SHEET.launch()).endsWith("/home/envforge/sales_and_related.gnumeric");
        Pattern title = Pattern.compile(SHEET.windowTitle());
        assertThat(title.matcher("sales_and_related.gnumeric - Gnumeric").find()).isTrue();
        assertThat(title.matcher("*sales_and_related.gnumeric - Gnumeric").find()).isTrue();
        assertThat(title.matcher("sales_and_relatedxgnumeric - Gnumeric").find()).isFalse();
    }

    @Test
    void dropsARowToBreakATie() {
        assertThat(SHEET.without(SHEET.rows().get(1)).rows()).hasSize(1);
    }
}
