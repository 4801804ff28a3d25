package org.envforge.views.replay;

import java.util.Map;
import org.envforge.service.TrajectoryService;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryVerdict;

/** Where the Replay view's tags, notes and verdicts are written; the workbench uses the trajectory service. */
public interface AnnotationStore {

    void tag(long trajectory, int step, String tag);

    void untag(long trajectory, int step, String tag);

    /** Sets a step's note; "" removes it. */
    void note(long trajectory, int step, String note);

    /** The tags and notes of a trajectory's steps, by step index. */
    Map<Integer, StepAnnotation> annotations(long trajectory);

    /** Judges a trajectory (a null verdict clears it). */
    void verdict(long trajectory, TrajectoryVerdict verdict, String note);

    Trajectory get(long trajectory);

    /** The store behind a trajectory service. */
    static AnnotationStore of(TrajectoryService service) {
        return new AnnotationStore() {
            @Override
            public void tag(long trajectory, int step, String tag) {
                service.tag(trajectory, step, tag);
            }

            @Override
            public void untag(long trajectory, int step, String tag) {
                service.untag(trajectory, step, tag);
            }

            @Override
            public void note(long trajectory, int step, String note) {
                service.note(trajectory, step, note);
            }

            @Override
            public Map<Integer, StepAnnotation> annotations(long trajectory) {
                return service.annotations(trajectory);
            }

            @Override
            public void verdict(long trajectory, TrajectoryVerdict verdict, String note) {
                service.verdict(trajectory, verdict, note);
            }

            @Override
            public Trajectory get(long trajectory) {
                return service.get(trajectory);
            }
        };
    }
}
