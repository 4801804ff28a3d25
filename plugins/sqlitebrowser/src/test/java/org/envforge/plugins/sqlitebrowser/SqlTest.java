package org.envforge.plugins.sqlitebrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void literalsDoubleTheirQuotes() {
        assertThat(Sql.literal("Police and Sheriff's Patrol Officers")).isEqualTo("'Police and Sheriff''s Patrol Officers'");
        assertThat(Sql.literal("''")).isEqualTo("''''''");
        assertThat(Sql.literal("")).isEqualTo("''");
        assertThat(Sql.literal("a \"b\"; --c")).isEqualTo("'a \"b\"; --c'");
    }

    @Test
    void valuesQuoteTextOnly() {
        assertThat(Sql.value(12L)).isEqualTo("12");
        assertThat(Sql.value(7)).isEqualTo("7");
        assertThat(Sql.value("15-1211")).isEqualTo("'15-1211'");
        assertThat(Sql.value(null)).isEqualTo("NULL");
        assertThatThrownBy(() -> Sql.value(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void insertListsColumnsAndValues() {
        assertThat(Sql.insert("t", List.of("a", "b"), List.of("it's", 3L))).isEqualTo("INSERT INTO t (a, b) VALUES ('it''s', 3);");
        assertThatThrownBy(() -> Sql.insert("t", List.of("a"), List.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
    }
}
