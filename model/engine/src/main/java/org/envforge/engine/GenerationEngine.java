package org.envforge.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.envforge.agent.AuditInput;
import org.envforge.agent.AuditReport;
import org.envforge.agent.Auditor;
import org.envforge.agent.Creation;
import org.envforge.agent.CreationRequest;
import org.envforge.agent.Creator;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.catalog.CurationSet;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.spec.EnvironmentId;
import org.envforge.store.CurationSets;
import org.envforge.store.Environments;
import org.envforge.store.Jobs;
import org.envforge.store.Store;
import org.envforge.text.Clip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs generation jobs: for each environment, create, gather evidence in a real sandbox, audit,
 * and let the creator fix what the audit found, until it passes or the rounds run out. Every
 * round is stored before the next begins, so a job killed at any point resumes where it was:
 * finished environments are not made again, and an environment's stored rounds are kept.
 */
public final class GenerationEngine {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationEngine.class);
    private final Supplier<Store> store;
    private final Supplier<SandboxRuntime> runtime;
    private final PluginRegistry plugins;
    private final Agents agents;
    private final boolean ocr;
    private final Map<Long, AtomicBoolean> cancelled = new ConcurrentHashMap<>();

    public GenerationEngine(Supplier<Store> store, Supplier<SandboxRuntime> runtime, PluginRegistry plugins, Agents agents,
            boolean ocr) {
        this.store = store;
        this.runtime = runtime;
        this.plugins = plugins;
        this.agents = agents;
        this.ocr = ocr;
    }

    private Jobs jobs() {
        return new Jobs(store.get());
    }

    // Submitting -------------------------------------------------------------------------------

    /** A software target: the plugin that runs it and the catalog product it stands for. */
    record Target(SoftwarePlugin plugin, String product) {
    }

    /**
     * Records a new job and its environments; returns its id. Software given as plugin ids or
     * catalog products (or a curation set's products) maps to the plugins that run them; products
     * no plugin runs are skipped, and saying so is the job's message.
     */
    public long submit(JobSpec spec) {
        agents.creator(spec.creator());
        agents.auditor(spec.auditor());
        List<String> skipped = new ArrayList<>();
        List<Target> targets = targets(spec, skipped);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no plugin runs any of the software asked for" + (skipped.isEmpty() ? ""
                    : " (" + String.join(", ", skipped) + "); installed plugins: " + String.join(", ",
                            plugins.plugins().stream().map(SoftwarePlugin::id).toList())));
        }
        List<Jobs.ItemRow> items = new ArrayList<>();
        int index = 0;
        for (Target t : targets) {
            for (int e = 1; e <= spec.envs(); e++) {
                boolean products = targets.stream().filter(x -> x.plugin().id().equals(t.plugin().id())).count() > 1;
                items.add(new Jobs.ItemRow(0, index++, t.plugin().id(), t.product(), EnvironmentId.generatedName(t.plugin().id(),
                        Jobs.JOB_ID, e, products ? t.product() : null), ItemStatus.PENDING, 0, null));
            }
        }
        long id = jobs().create(EngineJson.write(spec), items);
        if (!skipped.isEmpty()) {
            jobs().setJobStatus(id, JobStatus.RUNNING, "skipped (no plugin runs them): " + String.join(", ", skipped));
        }
        return id;
    }

    private List<Target> targets(JobSpec spec, List<String> skipped) {
        List<String> names = new ArrayList<>(spec.software());
        if (spec.set() != null && !spec.set().isBlank()) {
            CurationSet set = new CurationSets(store.get()).byName(spec.set()).orElseThrow(() -> new IllegalArgumentException(
                    "no curation set named \"" + spec.set() + "\" (envforge catalog sets lists them)"));
            names.addAll(set.productNames());
        }
        Map<String, Target> out = new LinkedHashMap<>();
        for (String n : names) {
            Optional<SoftwarePlugin> byId = plugins.byId(n);
            if (byId.isPresent()) {
                SoftwarePlugin p = byId.get();
                String product = p.descriptor().products().isEmpty() ? p.descriptor().displayName()
                        : p.descriptor().products().get(0).product();
                out.putIfAbsent(p.id() + "|" + product, new Target(p, product));
                continue;
            }
            List<SoftwarePlugin> runners = plugins.pluginsFor(n);
            if (runners.isEmpty()) {
                skipped.add(n);
            } else {
                out.putIfAbsent(runners.get(0).id() + "|" + n, new Target(runners.get(0), n));
            }
        }
        return new ArrayList<>(out.values());
    }

    // Running ----------------------------------------------------------------------------------

    /**
     * Makes a job's environments that ended in error ready to be made again (for a resume after
     * the cause was fixed, as a missing tool or an unreachable model); their stored rounds are
     * kept, so an environment whose rounds were all done is only stored. Returns how many.
     */
    public int retryErrors(long jobId) {
        Jobs jobs = jobs();
        int n = 0;
        for (Jobs.ItemRow i : jobs.items(jobId)) {
            if (i.status() == ItemStatus.ERROR) {
                jobs.setItemStatus(jobId, i.index(), ItemStatus.PENDING, "retried after: " + i.message());
                n++;
            }
        }
        return n;
    }

    /** Asks a running job to stop after the tasks in flight; it can be resumed later. */
    public void cancel(long job) {
        cancelled.computeIfAbsent(job, k -> new AtomicBoolean()).set(true);
    }

    /** One run of a job: its events, and why it failed (the first reason wins), if it did. */
    private static final class Run {
        final long job;
        final JobSpec spec;
        final Consumer<JobEvent> events;
        final AtomicBoolean stop;
        final AtomicReference<String> failure = new AtomicReference<>();
        /** Whether a session started in this run: until one has, a failing start means the runtime cannot start any. */
        final AtomicBoolean sessionStarted = new AtomicBoolean();

        Run(long job, JobSpec spec, Consumer<JobEvent> events, AtomicBoolean stop) {
            this.job = job;
            this.spec = spec;
            this.events = events;
            this.stop = stop;
        }

        void fail(String reason) {
            failure.compareAndSet(null, reason);
        }

        /** Whether workers should take another environment. */
        boolean going() {
            return !stop.get() && failure.get() == null;
        }
    }

    /** The job cannot go on (its runtime starts no sandbox); the message says why. */
    private static final class JobFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs (or resumes) a job until every environment is done or the job is cancelled. Blocks;
     * events arrive from worker threads. Every environment ends passed, failed or error with a
     * reason, except those a cancel leaves for a resume. A job whose agents or runtime cannot start
     * (the first sandbox of the run fails to start) ends at once as failed, and so does one whose
     * worker died; its environments not yet made end in error with the reason.
     */
    public JobInfo run(long jobId, Consumer<JobEvent> events) {
        Jobs jobs = jobs();
        Jobs.JobRow row = jobs.job(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
        JobSpec spec = EngineJson.read(row.specJson(), JobSpec.class);
        AtomicBoolean stop = cancelled.computeIfAbsent(jobId, k -> new AtomicBoolean());
        stop.set(false);
        jobs.setJobStatus(jobId, JobStatus.RUNNING, row.message());
        List<Jobs.ItemRow> items = jobs.items(jobId);
        // Not finished, or finished but its environment is missing or half stored (stored again from its last round).
        List<Jobs.ItemRow> todo = items.stream().filter(i -> !i.status().finished() || !storedWhole(spec, i)).toList();
        events.accept(new JobEvent.Started(jobId, items.size(), items.size() - todo.size()));
        LOG.info("job {}: {} environments, {} to make; creator {}, auditor {}, {} workers", jobId, items.size(), todo.size(),
                spec.creator(), spec.auditor(), spec.workers());
        Run run = new Run(jobId, spec, events, stop);
        String cannot = cannotStart(spec);
        if (cannot != null) {
            LOG.info("job {} cannot start: {}", jobId, cannot);
            run.fail(cannot);
        } else {
            work(run, todo);
        }
        String failure = run.failure.get();
        if (failure == null && !stop.get() && jobs.items(jobId).stream().anyMatch(i -> !i.status().finished())) {
            failure = "the job ended before every environment was made"; // never expected: a safety net
        }
        if (failure != null) {
            for (Jobs.ItemRow i : jobs.items(jobId)) {
                if (!i.status().finished()) {
                    jobs.setItemStatus(jobId, i.index(), ItemStatus.ERROR, failure);
                    events.accept(new JobEvent.ItemDone(jobId, i.index(), i.envName(), ItemStatus.ERROR));
                }
            }
        }
        JobStatus status = failure != null ? JobStatus.FAILED : stop.get() ? JobStatus.CANCELLED : JobStatus.DONE;
        jobs.setJobStatus(jobId, status, failure != null ? failure : row.message());
        JobInfo info = job(jobId).orElseThrow();
        LOG.info("job {} {}: {} passed, {} failed, {} errors{}", jobId, status, info.count(ItemStatus.PASSED),
                info.count(ItemStatus.FAILED),
                info.count(ItemStatus.ERROR), failure == null ? "" : "; " + failure);
        events.accept(new JobEvent.Done(jobId, status, info.count(ItemStatus.PASSED), info.count(ItemStatus.FAILED),
                info.count(ItemStatus.ERROR)));
        return info;
    }

    /** Why the job's agents or runtime cannot start, or null when they can. */
    private String cannotStart(JobSpec spec) {
        try {
            agents.creator(spec.creator());
            agents.auditor(spec.auditor());
        } catch (RuntimeException | Error e) {
            LOG.debug("the agents cannot start", e);
            return "the agents cannot start: " + Clip.reason(e);
        }
        try {
            SandboxRuntime rt = runtime.get();
            List<String> missing = rt.missing();
            if (!missing.isEmpty()) {
                return "the " + rt.id() + " runtime cannot start sandboxes: " + String.join("; ", missing);
            }
        } catch (RuntimeException | Error e) {
            LOG.debug("the sandbox runtime cannot start", e);
            return "the sandbox runtime cannot start: " + Clip.reason(e);
        }
        return null;
    }

    /** Makes the environments with the job's workers; returns when they are done, the job is cancelled or it failed. */
    private void work(Run run, List<Jobs.ItemRow> todo) {
        LinkedBlockingQueue<Jobs.ItemRow> queue = new LinkedBlockingQueue<>(todo);
        ExecutorService pool = Executors.newFixedThreadPool(run.spec.workers(), r -> {
            Thread t = new Thread(r, "envforge-job-" + run.job);
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < run.spec.workers(); w++) {
            futures.add(pool.submit(() -> {
                Jobs.ItemRow item;
                while (run.going() && (item = queue.poll()) != null) {
                    try {
                        runItem(run, item);
                    } catch (JobFailure f) {
                        run.fail(f.getMessage());
                    } catch (Throwable t) {
                        // An Error too ends this environment, not the job; should recording it fail, the worker dies.
                        LOG.info("job {}: environment {} failed", run.job, item.envName(), t);
                        itemError(run, item, "environment failed: " + Clip.reason(t));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.error("job {}: a worker stopped", run.job, e.getCause());
                run.fail("a worker stopped: " + Clip.reason(e.getCause()));
            } catch (InterruptedException e) {
                // Interrupted while waiting: a cancel (the workers stop after the rounds in flight; the job can be resumed).
                Thread.currentThread().interrupt();
                run.stop.set(true);
                break;
            }
        }
        pool.shutdown();
    }

    private void itemError(Run run, Jobs.ItemRow item, String reason) {
        String why = Clip.text(reason, Clip.REASON);
        jobs().setItemStatus(run.job, item.index(), ItemStatus.ERROR, why);
        run.events.accept(new JobEvent.Message(run.job, item.index(), "engine", why));
        run.events.accept(new JobEvent.ItemDone(run.job, item.index(), item.envName(), ItemStatus.ERROR));
    }

    /**
     * Whether a finished item's environment is in the store whole. An item whose last round ended
     * it (passed, or no rounds left) but whose environment is missing or half stored goes round
     * again: it is stored from that round, nothing is made again.
     */
    private boolean storedWhole(JobSpec spec, Jobs.ItemRow item) {
        List<RoundRecord> done = JobStore.rounds(jobs(), item.job(), item.index());
        RoundRecord last = done.isEmpty() ? null : done.get(done.size() - 1);
        if (last == null || last.creation() == null || !(last.passed() || last.round() >= spec.rounds())) {
            return true; // nothing to store from
        }
        return DraftSpecs.storedWhole(new Environments(store.get()), last.creation().environment(), last.audit());
    }

    private void runItem(Run run, Jobs.ItemRow item) {
        JobSpec spec = run.spec;
        Consumer<JobEvent> events = run.events;
        AtomicBoolean stop = run.stop;
        Jobs jobs = jobs();
        long job = item.job();
        int idx = item.index();
        SoftwarePlugin plugin = plugins.byId(item.plugin()).orElse(null);
        if (plugin == null) {
            itemError(run, item, "plugin " + item.plugin() + " is not installed");
            return;
        }
        events.accept(new JobEvent.ItemStarted(job, idx, item.envName(), plugin.id()));
        Creator creator = agents.creator(spec.creator());
        Auditor auditor = agents.auditor(spec.auditor());
        Memory memory = new Memory(jobs);
        CreationRequest request = new CreationRequest(plugin.id(), item.product(), item.envName(), spec.tasks(),
                spec.seed() * 7919 + job * 104729 + idx, memory.note(plugin.id()).orElse(""), spec.faultRate());
        List<RoundRecord> done = JobStore.rounds(jobs, job, idx);
        RoundRecord last = done.isEmpty() ? null : done.get(done.size() - 1);
        if (last != null && (last.passed() || last.round() >= spec.rounds())) {
            finish(spec, item, plugin, last, events); // a failure ends the item in error (the worker's catch)
            return;
        }
        try (Session session = startSession(run, item)) {
            Creation creation = null;
            int round = last == null ? 1 : last.round() + 1;
            while (round <= spec.rounds() && !stop.get()) {
                events.accept(new JobEvent.RoundStarted(job, idx, round));
                Instant started = Instant.now();
                RoundRecord rec;
                try {
                    if (last == null || last.creation() == null) {
                        creation = creator.create(request, plugin);
                    } else {
                        creation = creator.fix(request, plugin, last.creation(), last.audit());
                    }
                    for (String note : creation.notes()) {
                        events.accept(new JobEvent.Message(job, idx, "creator", note));
                    }
                    List<TaskEvidence> evidence = evidence(session, plugin, creation, job, idx, events);
                    AuditReport audit = auditor.audit(new AuditInput(plugin.id(), plugin.descriptor().displayName(),
                            tasksUnderAudit(creation, evidence), sha -> store.get().blobs().get(sha).orElse(new byte[0])));
                    for (TaskAudit ta : audit.tasks()) {
                        for (ItemVerdict v : ta.items()) {
                            events.accept(new JobEvent.AuditAnswer(job, idx, ta.task(), v));
                        }
                    }
                    rec = new RoundRecord(job, idx, round, creator.id(), auditor.id(), creation, evidence, audit, audit.passed(), null,
                            started, Instant.now());
                } catch (RuntimeException e) {
                    String why = Clip.reason(e);
                    LOG.info("job {}: {} round {} failed", job, item.envName(), round, e);
                    events.accept(new JobEvent.Message(job, idx, "engine", "round " + round + " failed: " + why));
                    rec = new RoundRecord(job, idx, round, creator.id(), auditor.id(), creation, List.of(), null, false, why, started,
                            Instant.now());
                }
                JobStore.save(jobs, rec, plugin.id());
                events.accept(new JobEvent.RoundDone(job, idx, round, rec.passed(), rec.error()));
                last = rec;
                if (rec.passed()) {
                    break;
                }
                round++;
            }
            if (stop.get() && (last == null || !last.passed() && last.round() < spec.rounds())) {
                return; // cancelled: the item stays running and resumes later
            }
            finish(spec, item, plugin, last, events);
        }
    }

    /** A session for the item; the first of the run failing to start fails the job ({@link JobFailure}). */
    private Session startSession(Run run, Jobs.ItemRow item) {
        SandboxRuntime rt = runtime.get();
        try {
            Session s = rt.start(SessionRequest.defaults(item.envName()).forJob(run.job));
            run.sessionStarted.set(true);
            return s;
        } catch (RuntimeException e) {
            LOG.debug("job {}: the {} runtime cannot start a sandbox", run.job, rt.id(), e);
            if (run.sessionStarted.get()) {
                throw e;
            }
            throw new JobFailure("the " + rt.id() + " runtime cannot start a sandbox: " + Clip.reason(e), e);
        }
    }

    private List<TaskEvidence> evidence(Session s, SoftwarePlugin plugin, Creation creation, long job, int idx,
            Consumer<JobEvent> events) {
        EvidenceCollector collector = new EvidenceCollector(store.get().blobs(), ocr);
        List<TaskEvidence> out = new ArrayList<>();
        for (TaskDraft t : creation.environment().tasks()) {
            out.add(collector.collect(s, plugin, t, new EvidenceCollector.Listener() {
                @Override
                public void screenshot(String task, String label, String sha256) {
                    events.accept(new JobEvent.Screenshot(job, idx, task, label, sha256));
                }

                @Override
                public void action(String task, int index, int total, org.envforge.action.Action action) {
                    events.accept(new JobEvent.Action(job, idx, task, index, total,
                            org.envforge.action.GymAnythingActions.toJson(action).toString()));
                }
            }));
        }
        return out;
    }

    private static List<AuditInput.TaskUnderAudit> tasksUnderAudit(Creation c, List<TaskEvidence> evidence) {
        List<AuditInput.TaskUnderAudit> out = new ArrayList<>();
        for (int i = 0; i < c.environment().tasks().size(); i++) {
            out.add(new AuditInput.TaskUnderAudit(c.environment().tasks().get(i), evidence.get(i)));
        }
        return out;
    }

    /** Stores the environment of the last round (passed or not) and closes the item. */
    private void finish(JobSpec spec, Jobs.ItemRow item, SoftwarePlugin plugin, RoundRecord last, Consumer<JobEvent> events) {
        Jobs jobs = jobs();
        ItemStatus status;
        if (last == null || last.creation() == null) {
            status = ItemStatus.ERROR;
            jobs.setItemStatus(item.job(), item.index(), status, last == null ? "no round ran" : last.error());
        } else {
            DraftSpecs.store(new Environments(store.get()), store.get().blobs(), last.creation().environment(), last.audit(),
                    item.job(), plugin.descriptor().displayName());
            status = last.passed() ? ItemStatus.PASSED : ItemStatus.FAILED;
            jobs.setItemStatus(item.job(), item.index(), status, last.passed() ? "audit passed in round " + last.round()
                    : "audit still failing after " + last.round() + " rounds");
        }
        int seen = jobs.countEnvironment(plugin.id());
        if (seen % Memory.EVERY == 0) {
            String note = new Memory(jobs).condense(plugin.id(), seen);
            events.accept(new JobEvent.Message(item.job(), item.index(), "engine", "memory for " + plugin.id() + " condensed: " + note));
        }
        events.accept(new JobEvent.ItemDone(item.job(), item.index(), item.envName(), status));
    }

    // Reading ----------------------------------------------------------------------------------

    public Optional<JobInfo> job(long id) {
        return JobStore.job(jobs(), id);
    }

    public List<JobInfo> jobs(int limit) {
        return jobs().jobs().stream().limit(limit).map(r -> JobStore.job(jobs(), r.id()).orElseThrow()).toList();
    }

    public List<RoundRecord> rounds(long job, int index) {
        return JobStore.rounds(jobs(), job, index);
    }

    /** Audit failures by plugin and item (the failure kinds), for the patterns chart. */
    public Map<String, Map<String, Integer>> failureCounts() {
        return jobs().failureCounts();
    }

    /** A screenshot of a round's evidence (PNG) by its SHA-256, or empty when the store does not hold it. */
    public Optional<byte[]> screenshot(String sha) {
        return store.get().blobs().get(sha);
    }

    /** Every audit failure with its time, oldest first (failure kinds over time). */
    public List<AuditFailure> failures() {
        return jobs().failures().stream().map(f -> new AuditFailure(f.plugin(), f.task(), f.item(), f.at())).toList();
    }

    /** The memory note of a plugin (lessons from its failed audits). */
    public Optional<String> memory(String plugin) {
        return new Memory(jobs()).note(plugin);
    }

    /** Jobs that were running when EnvForge stopped. */
    public List<Long> unfinished() {
        return jobs().unfinishedJobs();
    }
}
