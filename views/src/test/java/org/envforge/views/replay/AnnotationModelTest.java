package org.envforge.views.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.views.common.DirectTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tag, note and verdict edits written to an in-memory store on a direct task runner. */
class AnnotationModelTest {

    private final ReplayFixtures.MemoryAnnotations store = new ReplayFixtures.MemoryAnnotations();
    private final SimpleObjectProperty<Trajectory> trajectory = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<StepRow> current = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty index = new SimpleIntegerProperty(-1);
    private final List<String> events = new ArrayList<>();
    private final StepListModel steps = new StepListModel();
    private AnnotationModel model;

    @BeforeEach
    void open() {
        store.trajectories.put(5L, ReplayFixtures.trajectory(5, null));
        trajectory.set(store.get(5));
        steps.show(5, ReplayFixtures.rows(5, 3));
        model = new AnnotationModel(store, new DirectTaskRunner(), trajectory, current, index, new AnnotationModel.Listener() {
            @Override
            public void annotated(long id, int position, StepAnnotation a) {
                events.add("annotated " + position);
                StepRow r = steps.annotate(id, position, a);
                if (r != null && position == index.get()) {
                    current.set(r);
                }
            }

            @Override
            public void rejected(int position) {
                events.add("rejected " + position);
            }

            @Override
            public void judged(Trajectory t) {
                events.add("judged " + t.verdict());
                trajectory.set(t);
            }

            @Override
            public void verdictRejected() {
                events.add("verdict rejected");
            }

            @Override
            public void status(String message) {
                events.add(message);
            }
        });
        go(1);
    }

    private void go(int position) {
        model.saveNote();
        current.set(steps.get(position));
        index.set(position);
        model.load(steps.get(position), position);
    }

    @Test
    void tagsAndUntagsTheCurrentStep() {
        model.setTag("  Mis-Click ", true);
        assertThat(store.annotations(5).get(1).tags()).containsExactly("mis-click");
        assertThat(current.get().tags()).containsExactly("mis-click");
        assertThat(events).contains("Tagged step 1 \u201cmis-click\u201d.");
        model.setTag("mis-click", true);
        assertThat(store.writes).as("tagging a tagged step writes nothing").hasSize(1);
        model.setTag("mis-click", false);
        assertThat(store.annotations(5)).isEmpty();
        assertThat(current.get().tagged()).isFalse();
        model.addTag("   ");
        assertThat(store.writes).containsExactly("tag 1 mis-click", "untag 1 mis-click");
    }

    @Test
    void aFailedTagPutsTheControlsBack() {
        store.failing = true;
        model.setTag("typo", true);
        assertThat(events).containsSubsequence("Could not tag step 1: the disk is full", "rejected 1");
        assertThat(model.writesIdle()).isTrue();
        assertThat(current.get().tags()).isEmpty();
    }

    @Test
    void storesTheNoteOfTheStepItWasWrittenForWhenItChanged() {
        model.noteProperty().set("  Clicked the wrong cell.  ");
        go(2);
        assertThat(store.annotations(5).get(1).note()).isEqualTo("Clicked the wrong cell.");
        assertThat(steps.get(1).note()).isEqualTo("Clicked the wrong cell.");
        assertThat(model.noteProperty().get()).as("step 2's own (empty) note").isEmpty();
        go(1);
        assertThat(model.noteProperty().get()).isEqualTo("Clicked the wrong cell.");
        model.saveNote();
        assertThat(store.writes).as("unchanged: not written again").hasSize(1);
        model.noteProperty().set("");
        model.saveNote();
        assertThat(store.annotations(5)).isEmpty();
        assertThat(events).contains("Note saved for step 1.", "Note removed from step 1.");
        model.reset();
        model.noteProperty().set("typed with no step open");
        model.saveNote();
        assertThat(store.writes).hasSize(2);
    }

    @Test
    void judgesTheOpenTrajectory() {
        model.saveVerdict(TrajectoryVerdict.BAD, "  Saved too early. ");
        assertThat(store.get(5).verdict()).isEqualTo(TrajectoryVerdict.BAD);
        assertThat(store.get(5).verdictNote()).isEqualTo("Saved too early.");
        assertThat(trajectory.get().verdict()).isEqualTo(TrajectoryVerdict.BAD);
        assertThat(events).contains("judged BAD", "Verdict: bad.");
        model.saveVerdict(null, " ");
        assertThat(store.get(5).verdict()).isNull();
        assertThat(events).contains("Verdict cleared.");
        store.failing = true;
        model.saveVerdict(TrajectoryVerdict.GOOD, null);
        assertThat(events).containsSubsequence("Could not save the verdict: the disk is full", "verdict rejected");
        trajectory.set(null);
        store.failing = false;
        model.saveVerdict(TrajectoryVerdict.GOOD, null);
        assertThat(store.writes).as("nothing open: nothing judged").hasSize(2);
    }
}
