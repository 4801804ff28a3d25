package org.envforge.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.engine.GenerationEngine;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.RoundRecord;
import org.envforge.job.ItemStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Mixin
    JsonOutput.Flag output;

    public JobsCommand(EngineProvider engines) {
        super(engines);
    }

    @Override
    public Integer call() {
        GenerationEngine g = engines.get().generation();
        if (id == null) {
            List<JobInfo> jobs = g.jobs(limit);
            if (output.json) {
                JsonOutput.print(out(), jobs.stream().map(JobsCommand::jobJson).toList());
                return 0;
            }
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
        if (output.json) {
            JsonOutput.print(out(), jobDetailJson(g, j));
            return 0;
        }
        out().printf("Job %d (%s): %s; %d envs x %d tasks, up to %d rounds, creator %s, auditor %s, fault rate %.2f%n", j.id(),
                j.status(), j.spec().set() != null ? "set " + j.spec().set() : String.join(", ", j.spec().software()), j.spec().envs(),
                j.spec().tasks(), j.spec().rounds(), j.spec().creator(), j.spec().auditor(), j.spec().faultRate());
        for (JobItem i : j.items()) {
            out().printf("%n  %s (%s, %s): %s%n", i.envName(), i.plugin(), i.product(), i.status());
            for (RoundRecord r : g.rounds(j.id(), i.index())) {
                out().printf("    round %d: %s%s%n", r.round(), r.passed() ? "passed" : "failed",
                        r.error() == null ? "" : " - " + r.error());
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

    /** A job as {@code jobs --json} lists it. */
    static Map<String, Object> jobJson(JobInfo j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("status", String.valueOf(j.status()));
        m.put("creator", j.spec().creator());
        m.put("auditor", j.spec().auditor());
        m.put("set", j.spec().set());
        m.put("software", j.spec().software());
        m.put("environments", j.items().size());
        m.put("passed", j.count(ItemStatus.PASSED));
        m.put("failed", j.count(ItemStatus.FAILED));
        m.put("errors", j.count(ItemStatus.ERROR));
        m.put("created", String.valueOf(j.created()));
        m.put("updated", String.valueOf(j.updated()));
        m.put("message", j.message());
        return m;
    }

    /** One job with what it was asked, its environments and their rounds ({@code jobs ID --json}). */
    private Map<String, Object> jobDetailJson(GenerationEngine g, JobInfo j) {
        Map<String, Object> m = jobJson(j);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("set", j.spec().set());
        spec.put("software", j.spec().software());
        spec.put("envs", j.spec().envs());
        spec.put("tasks", j.spec().tasks());
        spec.put("rounds", j.spec().rounds());
        spec.put("creator", j.spec().creator());
        spec.put("auditor", j.spec().auditor());
        spec.put("workers", j.spec().workers());
        spec.put("faultRate", j.spec().faultRate());
        spec.put("seed", j.spec().seed());
        m.put("spec", spec);
        List<Map<String, Object>> items = new ArrayList<>();
        for (JobItem i : j.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", i.index());
            item.put("envName", i.envName());
            item.put("plugin", i.plugin());
            item.put("product", i.product());
            item.put("status", String.valueOf(i.status()));
            item.put("message", i.message());
            List<Map<String, Object>> rounds = new ArrayList<>();
            for (RoundRecord r : g.rounds(j.id(), i.index())) {
                rounds.add(roundJson(r));
            }
            item.put("rounds", rounds);
            items.add(item);
        }
        m.put("items", items);
        return m;
    }

    private Map<String, Object> roundJson(RoundRecord r) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("round", r.round());
        round.put("passed", r.passed());
        round.put("error", r.error());
        round.put("started", String.valueOf(r.started()));
        round.put("finished", String.valueOf(r.finished()));
        List<Map<String, Object>> injected = new ArrayList<>();
        if (r.creation() != null) {
            r.creation().injected().forEach((task, d) -> injected.add(Map.of("task", task, "defect", d.label())));
        }
        round.put("injected", injected);
        List<Map<String, Object>> setup = new ArrayList<>();
        for (TaskEvidence e : r.evidence()) {
            if (e.setupOutput() != null) {
                setup.add(Map.of("task", e.task(), "path", engines.get().store().blobs().path(e.setupOutput()).toString()));
            }
        }
        round.put("setupOutputs", setup);
        List<Map<String, Object>> audit = new ArrayList<>();
        if (r.audit() != null) {
            for (TaskAudit a : r.audit().tasks()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("task", a.task());
                t.put("verdict", String.valueOf(a.overall()).toLowerCase(Locale.ROOT));
                t.put("failures", a.failures().stream().map(f -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("item", f.item());
                    x.put("reason", f.reason());
                    return x;
                }).toList());
                audit.add(t);
            }
        }
        round.put("audit", audit);
        return round;
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
        @Mixin
        JsonOutput.Flag output;

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
                int n = g.retryErrors(id);
                if (!output.json) {
                    out().println("Retrying " + n + " environments that ended in error.");
                }
            }
            JobInfo info = GenerateCommand.runWithProgress(g, id, out(), err(), quiet || output.json);
            return output.json ? GenerateCommand.summaryJson(out(), info) : GenerateCommand.summary(out(), info);
        }
    }
}
