package org.envforge.plugins.gnumeric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envforge.plugin.Probe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes' command lines run with the host's ssconvert on workbooks written here. */
class ProbeCommandsTest {

    /** A workbook whose E column was filled down, so E3 and E4 share E2's formula (ExprID 1). */
    private static final String FILLED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd">
              <gnm:SheetNameIndex><gnm:SheetName>Occupations</gnm:SheetName><gnm:SheetName>Notes</gnm:SheetName></gnm:SheetNameIndex>
              <gnm:Sheets>
                <gnm:Sheet><gnm:Name>Occupations</gnm:Name><gnm:Cells>
                  <gnm:Cell Row="1" Col="2" ValueType="40">10</gnm:Cell><gnm:Cell Row="1" Col="3" ValueType="40">2.5</gnm:Cell>
                  <gnm:Cell Row="2" Col="2" ValueType="40">20</gnm:Cell><gnm:Cell Row="2" Col="3" ValueType="40">3</gnm:Cell>
                  <gnm:Cell Row="3" Col="2" ValueType="40">30</gnm:Cell><gnm:Cell Row="3" Col="3" ValueType="40">4</gnm:Cell>
                  <gnm:Cell Row="1" Col="4" ExprID="1">=C2*D2</gnm:Cell>
                  <gnm:Cell Row="2" Col="4" ExprID="1"/>
                  <gnm:Cell Row="3" Col="4" ExprID="1"/>
                  <gnm:Cell Row="4" Col="1" ValueType="60">Total, all</gnm:Cell>
                  <gnm:Cell Row="4" Col="2" ExprID="2">=SUM(C2:C4)</gnm:Cell>
                </gnm:Cells></gnm:Sheet>
                <gnm:Sheet><gnm:Name>Notes</gnm:Name><gnm:Cells>
                  <gnm:Cell Row="0" Col="0" ValueType="60">shown sheet</gnm:Cell>
                </gnm:Cells></gnm:Sheet>
              </gnm:Sheets>
              <gnm:UIData SelectedTab="1"/>
            </gnm:Workbook>
            """;

    @TempDir
    Path dir;

    private Path book;

    @BeforeEach
    void write() throws IOException {
        Assumptions.assumeTrue(onPath("ssconvert"), "ssconvert is not installed");
        book = dir.resolve("book.gnumeric");
        Files.writeString(book, FILLED);
    }

    @Test
    void cellReadsRecalculatedRawValues() throws Exception {
        assertThat(run(CellProbes.VALUE, "Occupations", "E2")).isEqualTo("25");
        assertThat(run(CellProbes.VALUE, "Occupations", "E4")).isEqualTo("120");
        assertThat(run(CellProbes.VALUE, "Occupations", "C5")).isEqualTo("60");
        assertThat(run(CellProbes.VALUE, "Occupations", "B5")).isEqualTo("Total, all");
        assertThat(run(CellProbes.VALUE, "Occupations", "H9")).isEmpty();
        assertThat(run(CellProbes.VALUE, null, "A1")).isEqualTo("shown sheet");
    }

    @Test
    void cellFormulaResolvesSharedFormulasAndIsEmptyForConstants() throws Exception {
        assertThat(run(CellProbes.FORMULA, "Occupations", "E2")).isEqualTo("=C2*D2");
        assertThat(run(CellProbes.FORMULA, "Occupations", "E4")).isEqualTo("=C4*D4");
        assertThat(run(CellProbes.FORMULA, "Occupations", "C5")).isEqualToIgnoringCase("=SUM(C2:C4)");
        assertThat(run(CellProbes.FORMULA, "Occupations", "C2")).isEmpty();
        assertThat(run(CellProbes.FORMULA, "Occupations", "H9")).isEmpty();
    }

    @Test
    void printsNothingForAMissingFileOrSheet() throws Exception {
        assertThat(run(CellProbes.VALUE, "Nope", "A1")).isEmpty();
        assertThat(run(CellProbes.FORMULA, "Nope", "E2")).isEmpty();
        Files.delete(book);
        assertThat(run(CellProbes.VALUE, "Occupations", "E2")).isEmpty();
    }

    @Test
    void readsTheSeededWorkbookAfterConversion() throws Exception {
        OccupationSheet s = new OccupationSheet("x.gnumeric", "Test", List.of(
                new OccupationSheet.Row("11-1011", "Chief Executives & <Co>", 211_230, 258_900)));
        Path xml = dir.resolve("seed.xml");
        Files.writeString(xml, s.xml());
        assertThat(exec(List.of("ssconvert", "-T", "Gnumeric_XmlIO:sax", xml.toString(), book.toString()))).isNotNull();
        assertThat(run(CellProbes.VALUE, "Occupations", "B2")).isEqualTo("Chief Executives & <Co>");
        assertThat(run(CellProbes.VALUE, "Occupations", "D2")).isEqualTo("258900");
        assertThat(run(CellProbes.VALUE, "Occupations", "A1")).isEqualTo("SOC code");
    }

    private String run(Probe probe, String sheet, String cell) throws Exception {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("file", book.toString()).put("cell", cell);
        if (sheet != null) {
            args.put("sheet", sheet);
        }
        return Ssconvert.output(exec(probe.commandLine(args).orElseThrow()));
    }

    private String exec(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
