package org.envforge.trajectory;

import java.util.Optional;

/** Which trajectories a list or a search shows; empty fields match everything. */
public record TrajectoryFilter(Optional<String> taskRef, Optional<String> tag, Optional<String> text, Optional<TrajectoryVerdict> verdict,
        Optional<String> source) {

    public static TrajectoryFilter all() {
        return new TrajectoryFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TrajectoryFilter withTag(String t) {
        return new TrajectoryFilter(taskRef, Optional.ofNullable(t), text, verdict, source);
    }

    public TrajectoryFilter withText(String t) {
        return new TrajectoryFilter(taskRef, tag, Optional.ofNullable(t).filter(x -> !x.isBlank()), verdict, source);
    }

    public TrajectoryFilter withVerdict(TrajectoryVerdict v) {
        return new TrajectoryFilter(taskRef, tag, text, Optional.ofNullable(v), source);
    }

    public TrajectoryFilter withTask(String ref) {
        return new TrajectoryFilter(Optional.ofNullable(ref), tag, text, verdict, source);
    }

    public TrajectoryFilter withSource(String s) {
        return new TrajectoryFilter(taskRef, tag, text, verdict, Optional.ofNullable(s));
    }
}
