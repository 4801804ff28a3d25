package org.envforge.views.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryFilter;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.views.common.DirectTaskRunner;
import org.junit.jupiter.api.Test;

/** The trajectory list on a direct task runner: each filter lists again with the filter it makes. */
class TrajectoryListModelTest {

    private final List<TrajectoryFilter> asked = new ArrayList<>();
    private List<Trajectory> stored = List.of(ReplayFixtures.trajectory(1, null), ReplayFixtures.trajectory(2, TrajectoryVerdict.BAD));
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final TrajectoryListModel model = new TrajectoryListModel(f -> {
        asked.add(f);
        if (f.verdict().isPresent()) {
            return stored.stream().filter(t -> t.verdict() == f.verdict().get()).toList();
        }
        return stored;
    }, tasks);

    @Test
    void listsWithTheFiltersAndCounts() {
        model.refresh();
        assertThat(model.trajectories()).extracting(Trajectory::id).containsExactly(1L, 2L);
        assertThat(model.messageProperty().get()).isEqualTo("2 trajectories");

        model.verdictFilterProperty().set("bad");
        assertThat(asked.get(asked.size() - 1).verdict()).contains(TrajectoryVerdict.BAD);
        assertThat(model.trajectories()).extracting(Trajectory::id).containsExactly(2L);
        assertThat(model.messageProperty().get()).isEqualTo("1 trajectory");

        model.searchProperty().set("  total  ");
        model.tagFilterProperty().set("mis-click");
        model.sourceFilterProperty().set("osworld");
        TrajectoryFilter last = asked.get(asked.size() - 1);
        assertThat(last.text()).contains("total");
        assertThat(last.tag()).contains("mis-click");
        assertThat(last.source()).contains("osworld");

        model.tagFilterProperty().set(TrajectoryListModel.ANY);
        model.verdictFilterProperty().set(TrajectoryListModel.ANY);
        assertThat(asked.get(asked.size() - 1).tag()).isEqualTo(Optional.empty());
        assertThat(asked.get(asked.size() - 1).verdict()).isEmpty();
        assertThat(tasks.runs()).isEqualTo(asked.size());
    }

    @Test
    void aFailedListingSaysWhy() {
        TrajectoryListModel broken = new TrajectoryListModel(f -> {
            throw new IllegalStateException("database is locked");
        }, tasks);
        broken.refresh();
        assertThat(broken.messageProperty().get()).isEqualTo("Could not list trajectories: database is locked");
        assertThat(broken.trajectories()).isEmpty();
    }

    @Test
    void replaceShowsANewStateWhereTheListHoldsIt() {
        model.refresh();
        model.replace(ReplayFixtures.trajectory(1, TrajectoryVerdict.GOOD));
        model.replace(ReplayFixtures.trajectory(9, TrajectoryVerdict.GOOD));
        assertThat(model.trajectories()).extracting(Trajectory::verdict).containsExactly(TrajectoryVerdict.GOOD, TrajectoryVerdict.BAD);
        assertThat(model.trajectories()).hasSize(2);
    }
}
