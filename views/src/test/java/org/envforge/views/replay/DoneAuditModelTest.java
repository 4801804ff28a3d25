package org.envforge.views.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.views.common.DirectTaskRunner;
import org.junit.jupiter.api.Test;

/** The test-time audit of the open trajectory, run on a direct task runner. */
class DoneAuditModelTest {

    private final SimpleObjectProperty<Trajectory> open = new SimpleObjectProperty<>();
    private final List<Trajectory> updated = new ArrayList<>();
    private final List<Long> audited = new ArrayList<>();
    private RuntimeException failure;
    private final TestTimeAudit result = new TestTimeAudit("rules", "final-screenshot", TestTimeAudit.Solved.NOT_SOLVED, 0.2,
            List.of(), "the total is missing");

    private final DoneAuditModel model = new DoneAuditModel(new DoneAuditModel.Auditor() {
        @Override
        public TestTimeAudit audit(long trajectory) {
            audited.add(trajectory);
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        @Override
        public Trajectory get(long trajectory) {
            return ReplayFixtures.trajectory(trajectory, TrajectoryVerdict.UNSURE);
        }
    }, new DirectTaskRunner(), open, updated::add);

    @Test
    void auditsTheOpenTrajectoryAndShowsTheResult() {
        model.auditDone();
        assertThat(audited).as("nothing open").isEmpty();
        open.set(ReplayFixtures.trajectory(3, null));
        model.auditDone();
        assertThat(audited).containsExactly(3L);
        assertThat(model.auditProperty().get()).isEqualTo(result);
        assertThat(model.auditingProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(updated).extracting(Trajectory::id).containsExactly(3L);
        model.show(null);
        assertThat(model.auditProperty().get()).isNull();
    }

    @Test
    void aFailedAuditSaysWhy() {
        open.set(ReplayFixtures.trajectory(3, null));
        failure = new IllegalStateException("no sandbox runtime");
        model.auditDone();
        assertThat(model.messageProperty().get()).isEqualTo("Audit failed: no sandbox runtime");
        assertThat(model.auditingProperty().get()).isFalse();
        assertThat(model.auditProperty().get()).isNull();
        assertThat(updated).isEmpty();
    }
}
