package org.envforge.plugins.gnumeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsconvertTest {

    private static ObjectNode args(String file, String sheet, String cell) {
        ObjectNode a = JsonNodeFactory.instance.objectNode().put("file", file).put("cell", cell);
        return sheet == null ? a : a.put("sheet", sheet);
    }

    @Test
    void resolvesWorkbookPathsInTheSandboxHome() {
        assertThat(CellArgs.of(args("~/b.gnumeric", null, "A1")).file()).isEqualTo("/home/envforge/b.gnumeric");
        assertThat(CellArgs.of(args("docs/b.gnumeric", null, "A1")).file()).isEqualTo("/home/envforge/docs/b.gnumeric");
        assertThat(CellArgs.of(args("/tmp/b.gnumeric", null, "A1")).file()).isEqualTo("/tmp/b.gnumeric");
        assertThatThrownBy(() -> CellArgs.of(args("", null, "A1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CellArgs.of(args("~/b.gnumeric", null, "A1:B3"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesSheetNamesTheWayGnumericReadsThem() {
        assertThat(CellArgs.of(args("b", null, "$c$3")).qualified()).isEqualTo("C3");
        assertThat(CellArgs.of(args("b", "Occupations", "C3")).qualified()).isEqualTo("'Occupations'!C3");
        assertThat(CellArgs.of(args("b", "It's a\\b", "C3")).qualified()).isEqualTo("'It\\'s a\\\\b'!C3");
    }

    @Test
    void passesArgumentsToTheScriptOutsideItsText() {
        CellArgs a = CellArgs.of(args("~/x $(reboot).gnumeric", "S", "B2"));
        List<String> value = Ssconvert.value(a);
        assertThat(value.subList(0, 2)).containsExactly("bash", "-c");
        assertThat(value.get(2)).doesNotContain("reboot").contains("--export-range=\"$2\"");
        assertThat(value.subList(3, value.size())).containsExactly("cell", "/home/envforge/x $(reboot).gnumeric", "'S'!B2");
        List<String> formula = Ssconvert.formula(a);
        assertThat(formula.get(2)).contains("GET.FORMULA($2)");
        assertThat(formula.subList(3, formula.size())).containsExactly("cell_formula", "/home/envforge/x $(reboot).gnumeric", "'S'!B2",
                "IV65536");
    }

    @Test
    void theScratchCellIsNeverTheCellRead() {
        List<String> formula = Ssconvert.formula(CellArgs.of(args("b", null, "IV65536")));
        assertThat(formula.get(formula.size() - 1)).isEqualTo("IU65536");
    }

    @Test
    void dropsOnlyTheFinalLineBreak() {
        assertThat(Ssconvert.output("42\n")).isEqualTo("42");
        assertThat(Ssconvert.output("a b\r\n")).isEqualTo("a b");
        assertThat(Ssconvert.output("\n")).isEmpty();
        assertThat(Ssconvert.output("")).isEmpty();
        assertThat(Ssconvert.output("two\nlines\n")).isEqualTo("two\nlines");
    }
}
