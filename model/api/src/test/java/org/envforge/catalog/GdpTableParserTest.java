package org.envforge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.envforge.io.BadInputException;
import org.envforge.progress.ProgressListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad tables are refused with the file, line and column at fault. */
class GdpTableParserTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyShippedTables() throws IOException {
        for (String t : List.of(GdpSource.OEWS, GdpSource.ONET_SKILLS, GdpSource.ONET_OCCUPATIONS, GdpSource.GYM_ANYTHING)) {
            try (InputStream in = getClass().getResourceAsStream("/envforge/data/gdp/" + t)) {
                Files.copy(in, dir.resolve(t));
            }
        }
    }

    private Catalog load() {
        return new CatalogLoader(GdpSource.directory(dir)).load(ProgressListener.NONE);
    }

    private void edit(String table, java.util.function.UnaryOperator<List<String>> change) throws IOException {
        Path p = dir.resolve(table);
        Files.write(p, change.apply(new java.util.ArrayList<>(Files.readAllLines(p))));
    }

    @Test
    void theCopiedTablesLoadLikeTheShippedOnes() {
        assertThat(load().products().get(0).name()).isEqualTo("Microsoft Excel");
    }

    @Test
    void missingColumnNamesFileLineAndColumn() throws IOException {
        edit(GdpSource.OEWS, lines -> {
            lines.set(0, lines.get(0).replace("A_MEAN", "A_MEEN"));
            return lines;
        });
        assertThatThrownBy(this::load).isInstanceOf(BadInputException.class)
                .hasMessageContaining(dir.resolve(GdpSource.OEWS).toString())
                .hasMessageContaining("line 1")
                .hasMessageContaining("missing column \"A_MEAN\"");
    }

    @Test
    void nonNumberNamesFileLineAndColumn() throws IOException {
        edit(GdpSource.OEWS, lines -> {
            lines.set(2, lines.get(2).replace("\"10,495,770\"", "ten million"));
            return lines;
        });
        assertThatThrownBy(this::load).isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    BadInputException b = (BadInputException) e;
                    assertThat(b.line()).isEqualTo(3);
                    assertThat(b.field()).isEqualTo("TOT_EMP");
                })
                .hasMessageContaining(GdpSource.OEWS + ": line 3: TOT_EMP: not a number: \"ten million\"");
    }

    @Test
    void truncatedTabFileNamesTheCutLine() throws IOException {
        Path p = dir.resolve(GdpSource.ONET_SKILLS);
        List<String> lines = Files.readAllLines(p);
        // Keep 1000 lines and half of the next one, as a download cut short would.
        String cut = String.join("\r\n", lines.subList(0, 1000)) + "\r\n" + lines.get(1000).substring(0, 20);
        Files.writeString(p, cut);
        assertThatThrownBy(this::load).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve(GdpSource.ONET_SKILLS) + ": line 1001: expected 6 fields, found 2 (truncated or malformed row)");
    }

    @Test
    void truncatedCsvInsideAQuoteNamesTheLine() throws IOException {
        Path p = dir.resolve(GdpSource.OEWS);
        String text = Files.readString(p);
        int cut = text.indexOf("\"10,495,770\"") + 4; // inside the quoted employment of line 3
        Files.writeString(p, text.substring(0, cut));
        assertThatThrownBy(this::load).isInstanceOf(BadInputException.class)
                .hasMessageContaining(GdpSource.OEWS + ": line 3")
                .hasMessageContaining("ends inside a quoted field");
    }

    @Test
    void emptyFileAndMissingFileAreClearErrors() throws IOException {
        Files.writeString(dir.resolve(GdpSource.GYM_ANYTHING), "");
        assertThatThrownBy(this::load).hasMessageContaining(GdpSource.GYM_ANYTHING + ": line 1: the file is empty");
        Files.delete(dir.resolve(GdpSource.GYM_ANYTHING));
        assertThatThrownBy(this::load).isInstanceOf(BadInputException.class)
                .hasMessageContaining(GdpSource.GYM_ANYTHING).hasMessageContaining("cannot read the file");
    }

    @Test
    void badCodesAndFlagsAreRefused() throws IOException {
        edit(GdpSource.ONET_SKILLS, lines -> {
            lines.set(5, lines.get(5).replaceFirst("^\\d\\d-\\d{4}\\.\\d\\d", "15-12X"));
            return lines;
        });
        assertThatThrownBy(this::load).hasMessageContaining(GdpSource.ONET_SKILLS + ": line 6: O*NET-SOC Code: not an O*NET-SOC code");
    }

    @Test
    void aFileWithoutTheTotalRowIsRefused() throws IOException {
        edit(GdpSource.OEWS, lines -> {
            lines.remove(1);
            return lines;
        });
        assertThatThrownBy(this::load).hasMessageContaining("no \"total\" row");
    }
}
