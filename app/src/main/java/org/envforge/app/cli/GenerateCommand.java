package org.envforge.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.envforge.agent.AuditVerdict;
import org.envforge.engine.GenerationEngine;
import org.envforge.engine.GenerationParameters;
import org.envforge.engine.JobEvent;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.JobSpec;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.spec.EnvironmentId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** envforge generate: make environments with a creator and an auditor, in rounds, in real sandboxes. */
@Command(name = "generate", modelTransformer = GenerateCommand.Options.class, description = {"Make environments: a creator writes "
    + "tasks, they run in real sandboxes, an independent auditor checks the evidence, the creator fixes what failed, until the audit "
    + "passes or the rounds run out.",
    "Every round is stored; a killed job resumes with: envforge jobs resume ID"})
public final class GenerateCommand extends EngineCommand {

    @Option(names = "--quiet", description = "Only the summary.")
    boolean quiet;
    @Mixin
    JsonOutput.Flag output;

    public GenerateCommand(EngineProvider engines) {
        super(engines);
    }

    /** Adds the options of the {@link GenerationParameters}, built from their declaration (the Generation view's form is too). */
    public static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return ParameterOptions.addTo(command, GenerationParameters.ALL);
        }
    }

    @Override
    public Integer call() {
        JobSpec job = ParameterOptions.values(spec, GenerationParameters.ALL).toJobSpec();
        GenerationEngine g = engines.get().generation();
        if (!engines.get().runtime().missing().isEmpty()) {
            return fail("the " + engines.get().runtime().id() + " runtime cannot start sandboxes: "
                    + String.join("; ", engines.get().runtime().missing()) + " (envforge doctor says more)");
        }
        long id = g.submit(job);
        if (!output.json) {
            out().printf("Job %d: %d environments%n", id, g.job(id).orElseThrow().items().size());
            out().flush();
        }
        JobInfo info = runWithProgress(g, id, out(), err(), quiet || output.json);
        return output.json ? summaryJson(out(), info) : summary(out(), info);
    }

    /** Runs a job printing its progress; shared by generate and jobs resume. */
    static JobInfo runWithProgress(GenerationEngine g, long id, PrintWriter out, PrintWriter err, boolean quiet) {
        int total = g.job(id).orElseThrow().items().size();
        AtomicInteger done = new AtomicInteger();
        ProgressLine bar = new ProgressLine(err, "job " + id);
        JobInfo info = g.run(id, e -> {
            synchronized (out) {
                if (e instanceof JobEvent.Started s) {
                    done.set(s.finished());
                    bar.update(done.get(), total, s.finished() > 0 ? "resuming" : "starting");
                } else if (e instanceof JobEvent.RoundDone r && !quiet) {
                    out.printf("  env %d round %d: %s%s%n", r.index() + 1, r.round(), r.passed() ? "audit passed" : "audit failed",
                            r.error() == null ? "" : " (" + r.error() + ")");
                } else if (e instanceof JobEvent.AuditAnswer v && !quiet && v.verdict().verdict() == AuditVerdict.FAIL) {
                    out.printf("    %s: %s FAIL - %s%n", v.task(), v.verdict().item(), v.verdict().reason());
                } else if (e instanceof JobEvent.Message m && !quiet && !m.from().equals("creator")) {
                    out.printf("    %s: %s%n", m.from(), m.text());
                } else if (e instanceof JobEvent.ItemDone d) {
                    bar.update(done.incrementAndGet(), total, d.envName() + " " + d.status());
                    if (!quiet) {
                        out.printf("  %s: %s%n", d.envName(), d.status());
                    }
                }
                out.flush();
            }
        });
        bar.finish();
        return info;
    }

    /** The exit code of a job's run: 1 when the job failed or any environment ended in error. */
    private static int exitCode(JobInfo info) {
        return info.status() == JobStatus.FAILED || info.count(ItemStatus.ERROR) > 0 ? 1 : 0;
    }

    /** Prints a job's outcome as JSON ({@code --json}); the exit code is as for {@link #summary}. */
    static int summaryJson(PrintWriter out, JobInfo info) {
        Map<String, Object> m = JobsCommand.jobJson(info);
        m.put("notFinished", info.items().stream().filter(i -> !i.finished()).count());
        m.put("items", info.items().stream().map(i -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("envId", EnvironmentId.generated(i.envName()));
            x.put("status", String.valueOf(i.status()));
            x.put("rounds", i.rounds());
            x.put("message", i.message());
            return x;
        }).toList());
        JsonOutput.print(out, m);
        return exitCode(info);
    }

    /** Prints a job's outcome; the exit code is 1 when the job failed or any environment ended in error. */
    static int summary(PrintWriter out, JobInfo info) {
        long open = info.items().stream().filter(i -> !i.finished()).count();
        out.printf(Locale.ROOT, "Job %d %s: %d passed, %d failed, %d errors%s of %d environments.%n", info.id(), info.status(),
                info.count(ItemStatus.PASSED), info.count(ItemStatus.FAILED), info.count(ItemStatus.ERROR),
                open == 0 ? "" : ", " + open + " not finished",
                info.items().size());
        for (JobItem i : info.items()) {
            out.printf("  %-34s %-8s rounds %d  %s%n", EnvironmentId.generated(i.envName()), i.status(), i.rounds(),
                    i.message() == null ? "" : i.message());
        }
        if (info.message() != null) {
            out.println((info.status() == JobStatus.FAILED ? "Why: " : "Note: ") + info.message());
        }
        if (open > 0 && info.status() == JobStatus.CANCELLED) {
            out.println("Resume it with: envforge jobs resume " + info.id());
        }
        if (info.count(ItemStatus.ERROR) > 0) {
            out.println("Once the cause is fixed, make them again with: envforge jobs resume " + info.id() + " --retry-errors");
        }
        out.println("Browse them with: envforge env list --env ENV_ID, or the Environments view; approve with: envforge approve ENV_ID");
        out.flush();
        return exitCode(info);
    }
}
