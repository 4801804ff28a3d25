package org.envforge.plugins.gnumeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CellRefTest {

    @Test
    void parsesA1AddressesToZeroBasedColumnsAndRows() {
        assertThat(CellRef.parse("A1")).isEqualTo(new CellRef(0, 0));
        assertThat(CellRef.parse("B12")).isEqualTo(new CellRef(1, 11));
        assertThat(CellRef.parse(" $aa$3 ")).isEqualTo(new CellRef(26, 2));
        assertThat(CellRef.parse("IV65536")).isEqualTo(new CellRef(255, 65535));
        assertThat(CellRef.parse("XFD1").col()).isEqualTo(16_383);
    }

    @Test
    void printsTheAddressBack() {
        for (String a : new String[] {"A1", "Z9", "AA10", "AZ3", "BA7", "IV65536", "ZZ1", "AAA2", "XFD1048576"}) {
            assertThat(CellRef.parse(a).a1()).isEqualTo(a);
        }
        assertThat(CellRef.of("e", 2).a1()).isEqualTo("E2");
        assertThat(CellRef.parse("C7").rowNumber()).isEqualTo(7);
        assertThat(CellRef.parse("C7").column()).isEqualTo("C");
    }

    @Test
    void columnLettersAndIndexesAgree() {
        for (int i = 0; i < 2000; i++) {
            assertThat(CellRef.columnIndex(CellRef.columnLetters(i))).isEqualTo(i);
        }
    }

    @Test
    void rejectsWhatIsNotOneCell() {
        for (String bad : new String[] {"", "12B", "A0", "B", "7", "A1:B2", "Sheet1!A1", "R1C1", "A-1", "ABCD1", "XFE1", "A1;rm"}) {
            assertThatThrownBy(() -> CellRef.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CellRef.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
