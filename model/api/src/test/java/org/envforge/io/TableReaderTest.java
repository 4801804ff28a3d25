package org.envforge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TableReaderTest {

    private static TableReader csv(String text) {
        return new TableReader(new BufferedReader(new StringReader(text)), "t.csv", TableReader.Dialect.CSV);
    }

    @Test
    void readsQuotedFieldsWithSeparatorsEscapesAndNewlines() {
        TableReader t = csv("\uFEFFa,b,c\n\"1,234\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,y,z\n");
        assertThat(t.header()).containsExactly("a", "b", "c");
        TableReader.Row r = t.next();
        assertThat(r.number("a")).isEqualTo(1234.0);
        assertThat(r.text("b")).isEqualTo("say \"hi\"");
        assertThat(r.text("c")).isEqualTo("two\nlines");
        assertThat(r.line()).isEqualTo(2);
        TableReader.Row r2 = t.next();
        assertThat(r2.line()).isEqualTo(4);
        assertThat(t.next()).isNull();
    }

    @Test
    void suppressionMarkersGiveNull() {
        TableReader t = csv("a\n*\n");
        assertThat(t.next().number("a", "*", "#")).isNull();
    }

    @Test
    void shortRowsAndBadFlagsAreRefused() {
        TableReader t = csv("a,b\n1\n");
        assertThatThrownBy(t::next).hasMessage("t.csv: line 2: expected 2 fields, found 1 (truncated or malformed row)");
        TableReader f = csv("a\nmaybe\n");
        assertThatThrownBy(() -> f.next().flag("a")).hasMessage("t.csv: line 2: a: expected Y or N, found \"maybe\"");
    }
}
