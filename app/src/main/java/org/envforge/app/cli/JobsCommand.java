package org.envforge.app.cli;

import java.util.List;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.engine.GenerationEngine;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.RoundRecord;
import org.envforge.job.ItemStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** envforge jobs: list generation jobs, show one, resume one. */
@Command(name = "jobs", description = "List generation jobs; show one with its rounds; resume one that was stopped.",
        subcommands = {JobsCommand.Resume.class})
public final class JobsCommand extends EngineCommand {

    @Parameters(paramLabel = "ID", arity = "0..1", description = "Show this job's environments and rounds.")
    Long id;
    @Option(names = "--limit", defaultValue = "20", description = "How many jobs to list (default ${DEFAULT-VALUE}).")
    int limit;

    public JobsCommand(EngineProvider engines) {
        super(engines);
    }

    @Override
    public Integer call() {
        GenerationEngine g = engines.get().generation();
        if (id == null) {
            List<JobInfo> jobs = g.jobs(limit);
            if (jobs.isEmpty()) {
                out().println("No jobs yet. Start one with: envforge generate --software xterm --envs 1 --tasks 3");
                out().flush();
                return 0;
            }
            TextTable t = new TextTable(">id", "status", "creator/auditor", ">envs", ">passed", ">failed", ">errors", "created");
            for (JobInfo j : jobs) {
                t.row(j.id(), j.status(), j.spec().creator() + "/" + j.spec().auditor(), j.items().size(),
                        j.count(ItemStatus.PASSED), j.count(ItemStatus.FAILED), j.count(ItemStatus.ERROR), j.created().toString());
            }
            t.print(out());
            return 0;
        }
        JobInfo j = g.job(id).orElse(null);
        if (j == null) {
            return fail("no job " + id);
        }
        out().printf("Job %d (%s): %s; %d envs x %d tasks, up to %d rounds, creator %s, auditor %s, fault rate %.2f%n", j.id(),
                j.status(), j.spec().set() != null ? "set " + j.spec().set() : String.join(", ", j.spec().software()), j.spec().envs(),
                j.spec().tasks(), j.spec().rounds(), j.spec().creator(), j.spec().auditor(), j.spec().faultRate());
        for (JobItem i : j.items()) {
            out().printf("%n  %s (%s, %s): %s%n", i.envName(), i.plugin(), i.product(), i.status());
            for (RoundRecord r : g.rounds(j.id(), i.index())) {
                out().printf("    round %d: %s%s%n", r.round(), r.passed() ? "passed" : "failed", r.error() == null ? "" : " - " + r.error());
                if (r.creation() != null) {
                    r.creation().injected().forEach((task, d) -> out().printf("      injected: %s in %s%n", d.label(), task));
                }
                for (TaskEvidence e : r.evidence()) {
                    if (e.setupOutput() != null) {
                        // Reasons quote the output clipped; the whole of it stays in the blob store.
                        out().printf("      %s: whole setup output in %s%n", e.task(), engines.get().store().blobs().path(e.setupOutput()));
                    }
                }
                if (r.audit() != null) {
                    for (TaskAudit a : r.audit().tasks()) {
                        out().printf("      %-40s %s%s%n", a.task(), a.overall(), a.failures().isEmpty() ? ""
                                : "  " + String.join("; ", a.failures().stream().map(f -> f.item() + ": " + f.reason()).toList()));
                    }
                }
            }
        }
        out().flush();
        return 0;
    }

    /** envforge jobs resume ID */
    @Command(name = "resume", description = "Resume a job that was stopped (killed or cancelled): finished environments stay done.")
    static final class Resume extends EngineCommand {
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--quiet", description = "Only the summary.")
        boolean quiet;
        @Option(names = "--retry-errors", description = "Also make again the environments that ended in error (after fixing the cause).")
        boolean retryErrors;

        Resume(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            GenerationEngine g = engines.get().generation();
            if (g.job(id).isEmpty()) {
                return fail("no job " + id);
            }
            if (retryErrors) {
                out().println("Retrying " + g.retryErrors(id) + " environments that ended in error.");
            }
            JobInfo info = GenerateCommand.runWithProgress(g, id, out(), err(), quiet);
            return GenerateCommand.summary(out(), info);
        }
    }
}
