package org.envforge.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.envforge.action.Action;
import org.envforge.agent.ComputerUseAgent;
import org.envforge.engine.DraftSpecs;
import org.envforge.engine.EngineJson;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.Session;
import org.envforge.spec.EnvironmentId;
import org.envforge.spec.StoredTask;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryFilter;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.trajectory.audit.FinalState;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.trajectory.audit.TestTimeAuditor;
import org.envforge.trajectory.io.EpisodeRead;
import org.envforge.trajectory.io.GymAnythingEpisodes;
import org.envforge.trajectory.io.OsworldTrajectories;
import org.envforge.trajectory.io.Screenshots;
import org.envforge.trajectory.io.TrainingExport;
import org.envforge.trajectory.io.TrajectoryImporter;
import org.envforge.trajectory.record.OracleAgent;
import org.envforge.trajectory.record.RecordEvent;
import org.envforge.trajectory.record.RecordOptions;
import org.envforge.trajectory.record.Recorder;

/**
 * Trajectories as the GUI and the CLI use them: record an agent on a task in a sandbox, import and
 * export OSWorld and Gym-Anything folders, annotate, audit "done" at test time, and export approved
 * ones as training data.
 */
public final class TrajectoryService {

    /** Makes a computer-use agent for a task. */
    @FunctionalInterface
    public interface AgentFactory {
        ComputerUseAgent create(TaskDraft task);
    }

    /** A task ready to run, with its plugin and the reference that finds it again. */
    public record ResolvedTask(String ref, SoftwarePlugin plugin, TaskDraft draft) {
    }

    public static final String TEMPLATE_PREFIX = "template:";

    private final Supplier<Store> store;
    private final SandboxService sandboxes;
    private final EnvironmentService environments;
    private final Map<String, AgentFactory> agents;
    private final TestTimeAuditor auditor;

    /**
     * @param agents the computer-use agents by id ("oracle" is always there)
     * @param auditor the test-time auditor
     */
    public TrajectoryService(Supplier<Store> store, SandboxService sandboxes, EnvironmentService environments,
            Map<String, AgentFactory> agents, TestTimeAuditor auditor) {
        this.store = store;
        this.sandboxes = sandboxes;
        this.environments = environments;
        java.util.LinkedHashMap<String, AgentFactory> all = new java.util.LinkedHashMap<>();
        all.put("oracle", t -> new OracleAgent(t.oracle()));
        all.putAll(agents);
        this.agents = Map.copyOf(all);
        this.auditor = auditor;
    }

    public Trajectories trajectories() {
        return new Trajectories(store.get());
    }

    public List<String> agentIds() {
        return agents.keySet().stream().sorted().toList();
    }

    public TestTimeAuditor auditor() {
        return auditor;
    }

    /** Marks recordings whose process died as interrupted; returns how many. */
    public int markInterrupted() {
        return trajectories().markInterrupted();
    }

    // Recording ----------------------------------------------------------------------------------

    /**
     * Finds a runnable task: "ENV_ID/TASK" (an environment EnvForge generated) or
     * "template:PLUGIN/TEMPLATE/SEED" (a plugin's template with a seed).
     */
    public ResolvedTask resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("no task given");
        }
        if (ref.startsWith(TEMPLATE_PREFIX)) {
            String[] parts = ref.substring(TEMPLATE_PREFIX.length()).split("/");
            if (parts.length != 3) {
                throw new IllegalArgumentException("\"" + ref + "\": expected template:PLUGIN/TEMPLATE/SEED");
            }
            long seed;
            try {
                seed = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + ref + "\": the seed \"" + parts[2] + "\" is not a number");
            }
            return new ResolvedTask(ref, sandboxes.plugin(parts[0]), sandboxes.draft(parts[0], parts[1], seed));
        }
        StoredTask t = environments.task(ref).orElseThrow(() -> new IllegalArgumentException("no task \"" + ref
                + "\" (use ENV_ID/TASK from `envforge env list`, or template:PLUGIN/TEMPLATE/SEED)"));
        String plugin = environments.environment(t.summary().envId()).map(e -> e.document().path("x_envforge").path("plugin")
                .asText("")).orElse("");
        if (plugin.isEmpty()) {
            throw new IllegalArgumentException("\"" + ref + "\" was imported from " + t.summary().source()
                    + "; EnvForge can run only the environments it generated or plugin templates");
        }
        return new ResolvedTask(ref, sandboxes.plugin(plugin), DraftSpecs.draft(t, store.get().blobs()));
    }

    public Trajectory record(String taskRef, String agentId, RecordOptions options, Consumer<RecordEvent> events) {
        ResolvedTask task = resolve(taskRef);
        AgentFactory f = agents.get(agentId);
        if (f == null) {
            throw new IllegalArgumentException("no agent \"" + agentId + "\" (available: " + String.join(", ", agentIds()) + ")");
        }
        return record(task, f.create(task.draft()), options, events);
    }

    /** Records a given agent (benchmarks pass truncated oracles). */
    public Trajectory record(ResolvedTask task, ComputerUseAgent agent, RecordOptions options, Consumer<RecordEvent> events) {
        try (Session s = sandboxes.start(task.plugin().id())) {
            return new Recorder(trajectories(), store.get().blobs(), options.audit() ? auditor : null)
                    .record(s, task.plugin(), task.draft(), task.ref(), agent, options, events);
        }
    }

    // Import and export --------------------------------------------------------------------------

    public TrajectoryImporter.Report importPaths(List<Path> paths, Consumer<TrajectoryImporter.Item> progress) {
        return new TrajectoryImporter(trajectories(), store.get().blobs(), this::match).importPaths(paths, progress);
    }

    /** The stored task an imported episode belongs to: OSWorld by task id, Gym-Anything by env/task. */
    private TrajectoryImporter.TaskMatch match(EpisodeRead read) {
        if (read.taskHint() == null) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        String[] parts = read.taskHint().split("/", 2);
        if (OsworldTrajectories.FORMAT.equals(read.format()) && parts.length == 2) {
            candidates.add(EnvironmentId.osworld(parts[0]) + "/" + parts[1]);
        } else {
            candidates.add(read.taskHint());
        }
        for (String c : candidates) {
            Optional<StoredTask> t = environments.task(c);
            if (t.isPresent()) {
                return new TrajectoryImporter.TaskMatch(t.get().summary().ref(), t.get().summary().instruction());
            }
        }
        return null;
    }

    /**
     * What an export wrote.
     *
     * @param missing the screenshots left out because their blob is missing or damaged
     */
    public record Exported(Path folder, int steps, int screenshots, List<String> missing) {

        public Exported {
            missing = List.copyOf(missing);
        }
    }

    /** Writes a trajectory as an OSWorld result folder or a Gym-Anything episode folder (whole, or nothing on failure). */
    public Exported export(long id, String format, Path folder) {
        ExportFolders.requireEmpty(folder);
        if (!format.equals(OsworldTrajectories.FORMAT) && !format.equals(GymAnythingEpisodes.FORMAT)) {
            throw new IllegalArgumentException("unknown format \"" + format + "\" (osworld or gym-anything)");
        }
        Trajectory t = get(id);
        List<Step> steps = steps(id);
        Screenshots shots = ExportFolders.writeWhole(folder, staging -> format.equals(OsworldTrajectories.FORMAT)
                ? OsworldTrajectories.write(t, steps, store.get().blobs(), staging)
                : GymAnythingEpisodes.write(t, steps, store.get().blobs(), staging));
        return new Exported(folder, steps.size(), shots.written(), shots.missing());
    }

    /** Training data from the trajectories a curator judged good (and that match the filter). */
    public TrainingExport.Report exportTraining(TrajectoryFilter filter, Path out, TrainingExport.Options options) {
        ExportFolders.requireEmpty(out);
        List<Trajectory> good = trajectories().list(filter.withVerdict(TrajectoryVerdict.GOOD));
        Trajectories ts = trajectories();
        TrainingExport.Report r = ExportFolders.writeWhole(out, staging -> TrainingExport.write(good, ts::steps, ts::annotations,
                store.get().blobs(), staging, options));
        return new TrainingExport.Report(r.trajectories(), r.samples(), r.images(), r.skippedSteps(),
                out.resolve(r.file().getFileName().toString()), r.missingScreenshots());
    }

    // Reading and annotating ---------------------------------------------------------------------

    /** Trajectories matching the filter, newest first; recordings whose process died show as interrupted. */
    public List<Trajectory> list(TrajectoryFilter filter) {
        Trajectories ts = trajectories();
        ts.markInterrupted();
        return ts.list(filter);
    }

    public Trajectory get(long id) {
        return trajectories().get(id).orElseThrow(() -> new IllegalArgumentException("no trajectory " + id));
    }

    public List<Step> steps(long id) {
        return trajectories().steps(id);
    }

    public Map<Integer, StepAnnotation> annotations(long id) {
        return trajectories().annotations(id);
    }

    /** Opens a trajectory for replay (steps read once, frames decoded in the background). */
    public org.envforge.trajectory.replay.ReplaySession openReplay(long id) {
        return openReplay(id, 0);
    }

    /** Opens a trajectory for replay from a step position, whose frame starts decoding first. */
    public org.envforge.trajectory.replay.ReplaySession openReplay(long id, int first) {
        return org.envforge.trajectory.replay.ReplaySession.open(trajectories(), store.get().blobs(), id, first);
    }

    public Optional<byte[]> image(String sha) {
        return sha == null ? Optional.empty() : store.get().blobs().get(sha);
    }

    public void tag(long id, int step, String tag) {
        checkStep(id, step);
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("empty tag");
        }
        trajectories().tag(id, step, tag, author());
    }

    public void untag(long id, int step, String tag) {
        trajectories().untag(id, step, tag);
    }

    public void note(long id, int step, String note) {
        checkStep(id, step);
        trajectories().note(id, step, note, author());
    }

    public void verdict(long id, TrajectoryVerdict verdict, String note) {
        get(id);
        trajectories().setVerdict(id, verdict, note);
    }

    private void checkStep(long id, int step) {
        Trajectory t = get(id);
        if (step < 0 || step >= t.steps()) {
            throw new IllegalArgumentException("trajectory " + id + " has steps 0.." + (t.steps() - 1) + ", not " + step);
        }
    }

    private static String author() {
        return System.getProperty("user.name", "curator");
    }

    // Test-time audit ----------------------------------------------------------------------------

    /**
     * Audits a stored trajectory's final state. With {@code replay} and a task EnvForge can run, the
     * steps are played again in a fresh sandbox and the checker and probes decide; otherwise the
     * final screenshot is read. The result is stored with the trajectory.
     */
    public TestTimeAudit audit(long id, boolean replay) {
        Trajectory t = get(id);
        List<Step> steps = steps(id);
        ResolvedTask task = null;
        try {
            task = t.taskRef() == null ? null : resolve(t.taskRef());
        } catch (IllegalArgumentException e) {
            task = null;
        }
        TestTimeAudit audit;
        if (replay && task != null && sandboxes.missing().isEmpty()) {
            try (Session s = sandboxes.start(task.plugin().id())) {
                new org.envforge.verify.TaskHarness(task.plugin()).prepare(s, task.draft());
                for (Step step : steps) {
                    for (Action a : step.actions()) {
                        if (!(a instanceof Action.Done || a instanceof Action.Fail)) {
                            try {
                                s.act(a);
                            } catch (RuntimeException e) {
                                // the recorded run had the same failure; go on like it did
                            }
                        }
                    }
                }
                audit = auditor.audit(new FinalState(t.instruction(), task.draft(), task.plugin(), s, s.screenshot().png(), List.of()));
            }
        } else {
            byte[] fin = finalScreen(steps).flatMap(this::image).orElse(null);
            audit = auditor.audit(new FinalState(t.instruction(), task == null ? null : task.draft(), null, null, fin, List.of()));
        }
        trajectories().setTestTimeAudit(id, EngineJson.write(List.of(audit)));
        return audit;
    }

    private static Optional<String> finalScreen(List<Step> steps) {
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        Step last = steps.get(steps.size() - 1);
        return Optional.ofNullable(last.afterShot() != null ? last.afterShot() : last.screenshot());
    }
}
