package org.envforge.views.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.envforge.trajectory.StepAnnotation;
import org.junit.jupiter.api.Test;

/** The step list's filters, tag choices and positions. */
class StepListModelTest {

    private final StepListModel model = new StepListModel();

    private void showFive() {
        model.show(7, List.of(ReplayFixtures.row(7, 0, null), ReplayFixtures.row(7, 1, "xdotool failed"),
                ReplayFixtures.row(7, 2, null, "mis-click"), ReplayFixtures.row(7, 3, "timeout", "loop-a"),
                ReplayFixtures.row(7, 4, null)));
    }

    @Test
    void filtersFailedTaggedAndOneTag() {
        showFive();
        assertThat(model.visible()).hasSize(5);
        model.failedOnlyProperty().set(true);
        assertThat(model.visible()).extracting(StepRow::index).containsExactly(1, 3);
        model.taggedOnlyProperty().set(true);
        assertThat(model.visible()).extracting(StepRow::index).containsExactly(3);
        model.failedOnlyProperty().set(false);
        assertThat(model.visible()).extracting(StepRow::index).containsExactly(2, 3);
        model.taggedOnlyProperty().set(false);
        model.tagProperty().set("mis-click");
        assertThat(model.visible()).extracting(StepRow::index).containsExactly(2);
        model.tagProperty().set(TrajectoryListModel.ANY);
        assertThat(model.visible()).hasSize(5);
        assertThat(model.all()).hasSize(5);
    }

    @Test
    void tagChoicesAreAllTheCommonTagsThenTheOthersUsed() {
        assertThat(model.tagChoices()).first().isEqualTo(TrajectoryListModel.ANY);
        assertThat(model.tagChoices()).hasSize(1 + StepAnnotation.COMMON_TAGS.size());
        showFive();
        assertThat(model.tagChoices()).endsWith("loop-a").doesNotHaveDuplicates();
        model.annotate(7, 0, new StepAnnotation(0, Set.of("zzz-custom"), ""));
        assertThat(model.tagChoices()).endsWith("loop-a", "zzz-custom");
    }

    @Test
    void annotatesOnlyTheTrajectoryShown() {
        showFive();
        StepRow r = model.annotate(7, 4, new StepAnnotation(4, Set.of("typo"), "a note"));
        assertThat(r.note()).isEqualTo("a note");
        assertThat(model.get(4).tags()).containsExactly("typo");
        assertThat(model.annotate(8, 4, new StepAnnotation(4, Set.of("typo"), ""))).as("another trajectory").isNull();
        assertThat(model.annotate(7, 5, null)).as("no such position").isNull();
        assertThat(model.annotate(7, 4, null).annotation()).isNull();
    }

    @Test
    void findsPositionsOfRowsOfTheTrajectoryShown() {
        showFive();
        assertThat(model.positionOf(ReplayFixtures.row(7, 3, null))).isEqualTo(3);
        assertThat(model.positionOf(ReplayFixtures.row(8, 3, null))).as("another trajectory's row").isEqualTo(-1);
        assertThat(model.positionOf(null)).isEqualTo(-1);
        // Sparse step indices (an imported run that skipped some): found by binary search.
        model.show(9, List.of(ReplayFixtures.row(9, 2, null), ReplayFixtures.row(9, 5, null), ReplayFixtures.row(9, 11, null)));
        assertThat(model.positionOf(ReplayFixtures.row(9, 11, null))).isEqualTo(2);
        assertThat(model.positionOf(ReplayFixtures.row(9, 3, null))).isEqualTo(-1);
        model.clear();
        assertThat(model.positionOf(ReplayFixtures.row(9, 5, null))).isEqualTo(-1);
        assertThat(model.all()).isEmpty();
    }
}
