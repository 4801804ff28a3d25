package org.envforge.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.envforge.service.TrajectoryService;
import org.envforge.spec.Problem;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryFilter;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.trajectory.io.TrainingExport;
import org.envforge.trajectory.io.TrajectoryImporter;
import org.envforge.trajectory.record.RecordEvent;
import org.envforge.trajectory.record.RecordOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** envforge traj: record, import, list, show, annotate, audit and export trajectories. */
@Command(name = "traj", description = "Trajectories: record an agent on a task, import OSWorld and Gym-Anything runs, annotate, "
        + "audit \"done\" at test time, export (also as training data).",
        subcommands = {TrajCommand.Record.class, TrajCommand.ListCmd.class, TrajCommand.Show.class, TrajCommand.Import.class,
            TrajCommand.Export.class, TrajCommand.Tag.class, TrajCommand.Note.class, TrajCommand.VerdictCmd.class,
            TrajCommand.Audit.class, TrajCommand.Training.class})
public final class TrajCommand {

    private TrajCommand() {
    }

    static String yesNo(Boolean b) {
        return b == null ? "-" : b ? "yes" : "no";
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : Choices.label(e);
    }

    /** A trajectory's header as {@code traj list --json} and {@code traj show --json} print it. */
    static Map<String, Object> trajectoryJson(Trajectory t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("taskRef", t.taskRef());
        m.put("instruction", t.instruction());
        m.put("agent", t.agent());
        m.put("source", t.source());
        m.put("origin", t.origin());
        m.put("status", lower(t.status()));
        m.put("started", t.started() == null ? null : t.started().toString());
        m.put("finished", t.finished() == null ? null : t.finished().toString());
        m.put("stepCount", t.steps());
        m.put("saidDone", t.saidDone());
        m.put("checkerPassed", t.checkerPassed());
        m.put("verification", t.verification());
        m.put("verdict", lower(t.verdict()));
        m.put("verdictNote", t.verdictNote());
        return m;
    }

    /** envforge traj record TASK --agent oracle */
    @Command(name = "record", description = "Run an agent on a task in a sandbox and record every step.")
    static final class Record extends EngineCommand {
        @Parameters(paramLabel = "TASK", description = "ENV_ID/TASK (a generated environment) or template:PLUGIN/TEMPLATE/SEED.")
        String task;
        @Option(names = "--agent", defaultValue = "oracle", completionCandidates = Choices.RecordAgents.class,
                description = "oracle, or llm when ENVFORGE_LLM_URL is set (default ${DEFAULT-VALUE}).")
        String agent;
        @Option(names = "--max-steps", defaultValue = "50", description = "Stop after this many steps (default ${DEFAULT-VALUE}).")
        int maxSteps;
        @Option(names = "--no-audit", description = "Do not audit the agent's \"done\".")
        boolean noAudit;
        @Option(names = "--audits", defaultValue = "3", description = "How many premature \"done\"s send feedback back to the "
                + "agent (default ${DEFAULT-VALUE}; 0 only flags).")
        int audits;

        Record(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            TrajectoryService ts = engines.get().trajectories();
            ts.markInterrupted();
            Trajectory t = ts.record(task, agent, new RecordOptions(maxSteps, !noAudit, audits), e -> {
                if (e instanceof RecordEvent.Started s) {
                    out().printf("Recording trajectory %d: %s on %s%n", s.trajectory(), s.agent(), s.taskRef());
                } else if (e instanceof RecordEvent.StepRecorded s) {
                    out().printf("  step %3d  %s%s%n", s.step().index(), s.step().actionText(), s.step().error() == null ? ""
                            : "  (failed: " + s.step().error() + ")");
                } else if (e instanceof RecordEvent.Audited a) {
                    out().printf("  audit %d: %s (score %.2f)%s%n", a.round(), a.audit().solved(), a.audit().score(),
                            a.feedbackGiven() ? "; feedback sent to the agent" : a.audit().premature() ? "; premature done" : "");
                }
                out().flush();
            });
            out().printf("Trajectory %d: %s, %d steps, said done: %s, checker passed: %s%n  %s%n", t.id(),
                    t.status().name().toLowerCase(Locale.ROOT), t.steps(), yesNo(t.saidDone()), yesNo(t.checkerPassed()),
                    t.verification());
            out().flush();
            return 0;
        }
    }

    /** envforge traj list */
    @Command(name = "list", description = "List trajectories, newest first.")
    static final class ListCmd extends EngineCommand {
        @Option(names = "--task", description = "Only this task.")
        String task;
        @Option(names = "--tag", description = "Only trajectories with a step tagged so.")
        String tag;
        @Option(names = "--search", description = "Text in the instruction, the agent's words or the notes.")
        String search;
        @Option(names = "--verdict", completionCandidates = Choices.Verdicts.class, description = "good, bad or unsure.")
        String verdict;
        @Option(names = "--source", description = "${COMPLETION-CANDIDATES}.")
        Choices.Source source;
        @Mixin
        JsonOutput.Flag output;

        ListCmd(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            TrajectoryFilter f = TrajectoryFilter.all().withTask(task).withTag(tag).withText(search)
                    .withSource(source == null ? null : source.toString())
                    .withVerdict(verdict == null ? null : parseVerdict(verdict));
            List<Trajectory> ts = engines.get().trajectories().list(f);
            if (output.json) {
                JsonOutput.print(out(), ts.stream().map(TrajCommand::trajectoryJson).toList());
                return 0;
            }
            if (ts.isEmpty()) {
                out().println("No trajectories. Record one with: envforge traj record template:xterm/total_employment/1");
                out().flush();
                return 0;
            }
            TextTable t = new TextTable(">id", "task", "agent", "source", "status", ">steps", "done", "checker", "verdict");
            for (Trajectory x : ts) {
                t.row(x.id(), x.taskRef() == null ? "-" : x.taskRef(), x.agent(), x.source(), x.status().name().toLowerCase(Locale.ROOT),
                        x.steps(), yesNo(x.saidDone()), yesNo(x.checkerPassed()), x.verdict() == null ? "-"
                                : x.verdict().name().toLowerCase(Locale.ROOT));
            }
            t.print(out());
            return 0;
        }
    }

    static TrajectoryVerdict parseVerdict(String v) {
        try {
            return TrajectoryVerdict.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verdict must be good, bad or unsure, not \"" + v + "\"");
        }
    }

    /** envforge traj show ID */
    @Command(name = "show", description = "Show a trajectory's steps with their tags and notes.")
    static final class Show extends EngineCommand {
        @Parameters(paramLabel = "ID")
        long id;
        @Mixin
        JsonOutput.Flag output;

        Show(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            TrajectoryService ts = engines.get().trajectories();
            Trajectory t = ts.get(id);
            if (output.json) {
                JsonOutput.print(out(), showJson(ts, t));
                return 0;
            }
            out().printf("Trajectory %d: %s by %s (%s), %s%n  task: %s%n  instruction: %s%n  said done: %s, checker passed: %s%n"
                    + "  verification: %s%n", t.id(), t.status().name().toLowerCase(Locale.ROOT), t.agent(), t.source(),
                    t.origin() == null ? "" : t.origin(), t.taskRef(), t.instruction(), yesNo(t.saidDone()),
                    yesNo(t.checkerPassed()), t.verification());
            if (t.verdict() != null) {
                out().printf("  verdict: %s%s%n", t.verdict().name().toLowerCase(Locale.ROOT), t.verdictNote() == null ? ""
                        : " - " + t.verdictNote());
            }
            if (t.testTimeAudit() != null) {
                out().printf("  test-time audit: %s%n", t.testTimeAudit());
            }
            Map<Integer, StepAnnotation> notes = ts.annotations(id);
            for (Step s : ts.steps(id)) {
                StepAnnotation a = notes.get(s.index());
                out().printf("  %4d  %-50s%s%s%s%n", s.index(), s.actionText(), s.error() == null ? "" : "  FAILED: " + s.error(),
                        a == null || a.tags().isEmpty() ? "" : "  [" + String.join(", ", a.tags()) + "]",
                        a == null || a.note() == null ? "" : "  \u201c" + a.note() + "\u201d");
            }
            out().flush();
            return 0;
        }
    }

    /** A trajectory with its test-time audit and its steps, tags and notes ({@code traj show --json}). */
    private static Map<String, Object> showJson(TrajectoryService ts, Trajectory t) {
        Map<String, Object> m = trajectoryJson(t);
        Object audit = t.testTimeAudit();
        if (t.testTimeAudit() != null) {
            try {
                audit = JsonOutput.JSON.readTree(t.testTimeAudit());
            } catch (JsonProcessingException e) {
                audit = t.testTimeAudit(); // kept as the stored text
            }
        }
        m.put("testTimeAudit", audit);
        Map<Integer, StepAnnotation> notes = ts.annotations(t.id());
        m.put("steps", ts.steps(t.id()).stream().map(s -> {
            StepAnnotation a = notes.get(s.index());
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("index", s.index());
            x.put("at", s.at() == null ? null : s.at().toString());
            x.put("millis", s.millis());
            x.put("action", s.actionText());
            x.put("response", s.response());
            x.put("reward", s.reward());
            x.put("done", s.done());
            x.put("error", s.error());
            x.put("tags", a == null ? List.of() : List.copyOf(a.tags()));
            x.put("note", a == null ? null : a.note());
            return x;
        }).toList());
        return m;
    }

    /** envforge traj import FOLDER... */
    @Command(name = "import", description = "Import OSWorld result folders and Gym-Anything episode folders (or folders holding "
            + "many of them).")
    static final class Import extends EngineCommand {
        @Parameters(paramLabel = "FOLDER", arity = "1..*")
        List<Path> folders;

        Import(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            TrajectoryImporter.Report r = engines.get().trajectories().importPaths(folders, item -> {
                if (item.imported()) {
                    out().printf("imported %s (%s): trajectory %d, %d steps, %d screenshots%n", item.folder(), item.format(),
                            item.trajectory(), item.steps(), item.screenshots());
                } else {
                    out().printf("FAILED   %s%n", item.folder());
                }
                for (Problem p : item.problems()) {
                    out().printf("    %s%n", p);
                }
                out().flush();
            });
            out().printf("%d imported, %d failed, %d steps%n", r.imported(), r.failed(), r.steps());
            out().flush();
            return r.failed() > 0 ? 1 : 0;
        }
    }

    /** envforge traj export ID --format osworld --out DIR */
    @Command(name = "export", description = "Write a trajectory as an OSWorld result folder or a Gym-Anything episode folder.")
    static final class Export extends EngineCommand {
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--format", defaultValue = "gym-anything", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        Choices.Format format;
        @Option(names = "--out", required = true, description = "The folder to write.")
        Path out;

        Export(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            TrajectoryService.Exported e = engines.get().trajectories().export(id, format.toString(), out);
            out().printf("Wrote %s: %d steps, %d screenshots (%s)%n", e.folder(), e.steps(), e.screenshots(), format);
            return missing(out(), e.missing());
        }
    }

    /** Lists the screenshots an export left out; exit 1 when there are any. */
    static int missing(PrintWriter out, List<String> missing) {
        missing.forEach(m -> out.println("left out: " + m));
        if (!missing.isEmpty()) {
            out.printf("%d screenshot%s left out: their blobs are missing or damaged (envforge store check lists them all).%n",
                    missing.size(), missing.size() == 1 ? "" : "s");
        }
        out.flush();
        return missing.isEmpty() ? 0 : 1;
    }

    /** envforge traj tag ID STEP TAG... */
    @Command(name = "tag", description = "Tag a step (mis-click, wrong-window, premature-done, good-recovery, ...).")
    static final class Tag extends EngineCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "STEP")
        int step;
        @Parameters(index = "2..*", arity = "1..*", paramLabel = "TAG")
        List<String> tags;
        @Option(names = "--remove", description = "Remove the tags instead.")
        boolean remove;

        Tag(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            TrajectoryService ts = engines.get().trajectories();
            for (String t : tags) {
                if (remove) {
                    ts.untag(id, step, t);
                } else {
                    ts.tag(id, step, t);
                }
            }
            StepAnnotation a = ts.annotations(id).get(step);
            out().printf("Step %d of trajectory %d: %s%n", step, id, a == null || a.tags().isEmpty() ? "no tags"
                    : String.join(", ", a.tags()));
            out().flush();
            return 0;
        }
    }

    /** envforge traj note ID STEP TEXT */
    @Command(name = "note", description = "Write a note on a step (an empty note removes it).")
    static final class Note extends EngineCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "STEP")
        int step;
        @Parameters(index = "2", paramLabel = "TEXT")
        String text;

        Note(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            engines.get().trajectories().note(id, step, text);
            out().printf("Noted step %d of trajectory %d%n", step, id);
            out().flush();
            return 0;
        }
    }

    /** envforge traj verdict ID good|bad|unsure */
    @Command(name = "verdict", description = "Judge a whole trajectory: good ones go into training data.")
    static final class VerdictCmd extends EngineCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "VERDICT", completionCandidates = Choices.Verdicts.class, description = "good, bad or unsure")
        String verdict;
        @Option(names = "--note", description = "Why.")
        String note;

        VerdictCmd(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            TrajectoryVerdict v = parseVerdict(verdict);
            engines.get().trajectories().verdict(id, v, note);
            out().printf("Trajectory %d: %s%n", id, v.name().toLowerCase(Locale.ROOT));
            out().flush();
            return 0;
        }
    }

    /** envforge traj audit ID */
    @Command(name = "audit", description = "Audit a trajectory's \"done\": replay it in a sandbox and check the final state "
            + "(or read the final screenshot with --screen).")
    static final class Audit extends EngineCommand {
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--screen", description = "Judge from the final screenshot only (no sandbox).")
        boolean screen;

        Audit(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            TrajectoryService ts = engines.get().trajectories();
            Trajectory t = ts.get(id);
            TestTimeAudit a = ts.audit(id, !screen);
            out().printf("Trajectory %d (%s): %s, score %.2f, by %s (%s)%n", id, t.saidDone() ? "said done" : "did not say done",
                    a.solved(), a.score(), a.auditor(), a.mode());
            for (TestTimeAudit.Finding f : a.findings()) {
                out().printf("  %-7s %s: %s%n", f.outcome(), f.check(), f.evidence());
            }
            if (t.saidDone() && a.premature()) {
                out().println("  PREMATURE DONE: the agent said done but the task is not solved");
            }
            out().flush();
            return 0;
        }
    }

    /** envforge traj training --out DIR */
    @Command(name = "training", description = "Export trajectories judged good as training data (JSONL chat samples with images).")
    static final class Training extends EngineCommand {
        @Option(names = "--out", required = true, description = "The folder to write (train.jsonl, images/, manifest.json).")
        Path out;
        @Option(names = "--task", description = "Only this task.")
        String task;
        @Option(names = "--keep-tagged", description = "Keep steps tagged as mistakes (mis-click, typo, ...).")
        boolean keepTagged;
        @Option(names = "--history", defaultValue = "10", description = "Earlier actions listed per sample (default ${DEFAULT-VALUE}).")
        int history;

        Training(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            Set<String> skip = keepTagged ? Set.of() : new HashSet<>(TrainingExport.MISTAKE_TAGS);
            TrainingExport.Report r = engines.get().trajectories().exportTraining(TrajectoryFilter.all().withTask(task), out,
                    new TrainingExport.Options(skip, history));
            out().printf("Wrote %s: %d samples from %d trajectories, %d images; %d steps left out%n", r.file(), r.samples(),
                    r.trajectories(), r.images(), r.skippedSteps());
            if (r.trajectories() == 0) {
                out().println("No trajectory is judged good yet: envforge traj verdict ID good");
            }
            return missing(out(), r.missingScreenshots());
        }
    }
}
