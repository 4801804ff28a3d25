package org.envforge.views.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.envforge.action.Action;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryStatus;
import org.envforge.trajectory.TrajectoryVerdict;

/** Trajectories, step rows and an in-memory annotation store for the replay models' plain tests. */
final class ReplayFixtures {

    private ReplayFixtures() {
    }

    static Trajectory trajectory(long id, TrajectoryVerdict verdict) {
        return new Trajectory(id, "template:gnumeric/total/" + id, "Put the total in C9.", "oracle", "envforge", "test",
                TrajectoryStatus.COMPLETE, Instant.EPOCH, Instant.EPOCH, 3, true, true, "ok", null, verdict, null);
    }

    static StepRow row(long trajectory, int index, String error, String... tags) {
        Step s = new Step(index, Instant.EPOCH, 1, List.of(Action.Key.of("enter")), "key enter", null, "", null, null, null, false, error);
        return new StepRow(trajectory, s, tags.length == 0 ? null : new StepAnnotation(index, Set.of(tags), ""));
    }

    /** Steps 0..n-1 of a trajectory, none failed or tagged. */
    static List<StepRow> rows(long trajectory, int n) {
        List<StepRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(row(trajectory, i, null));
        }
        return out;
    }

    /** Annotations and verdicts in maps; a write fails while {@link #failing} is set. */
    static final class MemoryAnnotations implements AnnotationStore {

        final Map<Long, Map<Integer, StepAnnotation>> annotations = new HashMap<>();
        final Map<Long, Trajectory> trajectories = new HashMap<>();
        final List<String> writes = new ArrayList<>();
        boolean failing;

        private void write(String what) {
            if (failing) {
                throw new IllegalStateException("the disk is full");
            }
            writes.add(what);
        }

        private StepAnnotation of(long t, int step) {
            return annotations.computeIfAbsent(t, k -> new HashMap<>()).getOrDefault(step, new StepAnnotation(step, Set.of(), ""));
        }

        private void put(long t, StepAnnotation a) {
            if (a.tags().isEmpty() && a.note().isEmpty()) {
                annotations.computeIfAbsent(t, k -> new HashMap<>()).remove(a.index());
            } else {
                annotations.computeIfAbsent(t, k -> new HashMap<>()).put(a.index(), a);
            }
        }

        @Override
        public void tag(long trajectory, int step, String tag) {
            retag(trajectory, step, tag, true);
        }

        @Override
        public void untag(long trajectory, int step, String tag) {
            retag(trajectory, step, tag, false);
        }

        private void retag(long trajectory, int step, String tag, boolean on) {
            write((on ? "tag " : "untag ") + step + " " + tag);
            StepAnnotation a = of(trajectory, step);
            Set<String> tags = new LinkedHashSet<>(a.tags());
            if (on) {
                tags.add(tag);
            } else {
                tags.remove(tag);
            }
            put(trajectory, new StepAnnotation(step, tags, a.note()));
        }

        @Override
        public void note(long trajectory, int step, String note) {
            write("note " + step + " " + note);
            put(trajectory, new StepAnnotation(step, of(trajectory, step).tags(), note));
        }

        @Override
        public Map<Integer, StepAnnotation> annotations(long trajectory) {
            return Map.copyOf(annotations.getOrDefault(trajectory, Map.of()));
        }

        @Override
        public void verdict(long trajectory, TrajectoryVerdict verdict, String note) {
            write("verdict " + verdict + " " + note);
            Trajectory t = trajectories.get(trajectory);
            trajectories.put(trajectory, new Trajectory(t.id(), t.taskRef(), t.instruction(), t.agent(), t.source(), t.origin(),
                    t.status(), t.started(), t.finished(), t.steps(), t.saidDone(), t.checkerPassed(), t.verification(),
                    t.testTimeAudit(), verdict, note));
        }

        @Override
        public Trajectory get(long trajectory) {
            return trajectories.get(trajectory);
        }
    }
}
