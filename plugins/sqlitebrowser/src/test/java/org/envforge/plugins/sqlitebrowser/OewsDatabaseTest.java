package org.envforge.plugins.sqlitebrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.envforge.plugins.sqlitebrowser.OewsDatabase.Row;
import org.junit.jupiter.api.Test;

class OewsDatabaseTest {

    @Test
    void splitBetweenPicksARoundNumberInTheGap() {
        assertThat(OewsDatabase.splitBetween(84_230, 91_100)).isEqualTo(85_000);
        assertThat(OewsDatabase.splitBetween(84_230, 84_900)).isEqualTo(84_300);
        assertThat(OewsDatabase.splitBetween(84_230, 84_240)).isEqualTo(84_240);
        assertThat(OewsDatabase.splitBetween(84_230, 84_231)).isEqualTo(84_231);
        assertThat(OewsDatabase.splitBetween(84_000, 85_000)).isEqualTo(85_000);
        assertThatThrownBy(() -> OewsDatabase.splitBetween(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdLeavesValuesOnBothSides() {
        List<Long> sorted = List.of(1_200L, 1_200L, 5_400L, 5_400L, 98_000L);
        for (int seed = 0; seed < 50; seed++) {
            long t = OewsDatabase.threshold(sorted, new Random(seed));
            assertThat(sorted).anyMatch(v -> v < t).anyMatch(v -> v >= t);
        }
        assertThatThrownBy(() -> OewsDatabase.threshold(List.of(3L, 3L), new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scriptCreatesBothTablesInOneTransaction() {
        String s = OewsDatabase.script(List.of(
                new Row("33-3051", "Police and Sheriff's Patrol Officers", "33-0000", "Protective Service", 654_320, 76_550),
                new Row("33-1012", "First-Line Supervisors of Police and Detectives", "33-0000", "Protective Service", 1, 2)));
        assertThat(s).startsWith("BEGIN;\n").endsWith("COMMIT;\n")
                .contains("INSERT INTO major_groups (code, title) VALUES ('33-0000', 'Protective Service');")
                .contains("VALUES ('33-3051', 'Police and Sheriff''s Patrol Officers', '33-0000', 654320, 76550);");
        assertThat(s.split("INSERT INTO major_groups", -1)).hasSize(2);
    }

    @Test
    void describeGroupsNamesEachGroupOnce() {
        Row a = new Row("15-1211", "A", "15-0000", "Computer and Mathematical", 1, 1);
        Row b = new Row("23-1011", "B", "23-0000", "Legal", 1, 1);
        assertThat(OewsDatabase.describeGroups(List.of(a, a))).isEqualTo("Computer and Mathematical (15-0000)");
        assertThat(OewsDatabase.describeGroups(List.of(b, a, b)))
                .isEqualTo("two major groups, Computer and Mathematical (15-0000) and Legal (23-0000)");
    }
}
