package org.envforge.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.AuditInput;
import org.envforge.agent.AuditReport;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.Auditor;
import org.envforge.agent.Creation;
import org.envforge.agent.CreationRequest;
import org.envforge.agent.Creator;
import org.envforge.agent.EnvironmentDraft;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.StubPlugin;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.rules.RuleAuditor;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.PluginContract;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.spec.Checker;
import org.envforge.store.Store;
import org.envforge.text.Clip;
import org.envforge.text.Noise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs whose runtime, agents or workers fail, and sandboxes that print too much, on fake sandboxes:
 * every environment ends passed, failed or error with a reason, and what a sandbox printed reaches
 * reasons and events bounded and clean.
 */
class GenerationEngineFaultsTest {

    @TempDir
    Path dir;

    private Store store;
    private final List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Makes one stub task per call (with this setup script), or throws what {@code failure} gives for the call (1-based). */
    static final class ScriptedCreator implements Creator {
        private final IntFunction<Throwable> failure;
        private final String setup;
        private final AtomicInteger calls = new AtomicInteger();

        ScriptedCreator(IntFunction<Throwable> failure, String setup) {
            this.failure = failure;
            this.setup = setup;
        }

        static ScriptedCreator working() {
            return new ScriptedCreator(n -> null, "");
        }

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public Creation create(CreationRequest request, SoftwarePlugin plugin) {
            Throwable t = failure.apply(calls.incrementAndGet());
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            TaskDraft d = plugin.templates().get(0).generate(new TemplateContext(request.seed() % 40, PluginContract.seedData(),
                    request.envName())).withSetup(setup)
                    // a checker that holds at once: no waiting for a fake app to solve anything
                    .withChecker(new Checker.Probes(List.of(Drafts.condition("file_exists", "exists", true, "path", "~/total.txt"))));
            return new Creation(new EnvironmentDraft(request.envName(), plugin.id(), request.product(), List.of(d)), List.of(), Map.of());
        }

        @Override
        public Creation fix(CreationRequest request, SoftwarePlugin plugin, Creation previous, AuditReport audit) {
            return create(request, plugin);
        }
    }

    /** Passes every item of every task. */
    static final class PassingAuditor implements Auditor {
        @Override
        public String id() {
            return "pass";
        }

        @Override
        public AuditReport audit(AuditInput input) {
            return new AuditReport(id(), input.tasks().stream().map(t -> new TaskAudit(t.task().name(), AuditChecklist.ALL.stream()
                    .map(i -> new ItemVerdict(i.id(), i.question(), AuditVerdict.PASS, "fine", List.of())).toList())).toList());
        }
    }

    private static Agents agents(Creator creator, Auditor auditor) {
        return new DefaultAgents(Map.of("scripted", () -> creator), Map.of("pass", () -> auditor, "rules", RuleAuditor::new));
    }

    private GenerationEngine engine(SandboxRuntime rt, Agents agents) {
        return new GenerationEngine(() -> store, () -> rt, new PluginRegistry(List.of(new StubPlugin())), agents, false);
    }

    private static JobSpec spec(int envs, int workers, String auditor) {
        return new JobSpec(null, List.of("stub"), envs, 1, 2, "scripted", auditor, workers, 0, 1);
    }

    private JobEvent.Done done() {
        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1)).isInstanceOf(JobEvent.Done.class);
        return (JobEvent.Done) events.get(events.size() - 1);
    }

    @Test
    void aRuntimeWhoseStartFailsFailsTheJobAtOnceWithItsReason() {
        FakeSandbox rt = FakeSandbox.failingToStart("Xvfb cannot open display :99");
        GenerationEngine g = engine(rt, agents(ScriptedCreator.working(), new PassingAuditor()));
        long id = g.submit(spec(3, 1, "pass"));
        JobInfo info = g.run(id, events::add);
        assertThat(info.status()).isEqualTo(JobStatus.FAILED);
        assertThat(info.message()).contains("Xvfb cannot open display :99");
        assertThat(info.items()).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(ItemStatus.ERROR);
            assertThat(i.message()).contains("Xvfb cannot open display :99");
        });
        assertThat(rt.starts.get()).as("sessions tried").isEqualTo(1);
        assertThat(done().status()).isEqualTo(JobStatus.FAILED);
        assertThat(done().errors()).isEqualTo(3);
    }

    @Test
    void aFailedJobIsMadeWholeByAResumeThatRetriesItsErrorsOnceTheCauseIsFixed() {
        FakeSandbox lacking = FakeSandbox.missing("xdotool is not installed (apt install xdotool)");
        Agents agents = agents(ScriptedCreator.working(), new PassingAuditor());
        GenerationEngine g = engine(lacking, agents);
        long id = g.submit(spec(2, 1, "pass"));
        assertThat(g.run(id, e -> { }).status()).isEqualTo(JobStatus.FAILED);
        // The machine is fixed; a plain resume leaves the errors as they are, a retry makes them.
        GenerationEngine fixed = engine(FakeSandbox.quiet(), agents);
        assertThat(fixed.run(id, e -> { }).count(ItemStatus.ERROR)).isEqualTo(2);
        assertThat(fixed.retryErrors(id)).isEqualTo(2);
        JobInfo again = fixed.run(id, e -> { });
        assertThat(again.status()).isEqualTo(JobStatus.DONE);
        assertThat(again.count(ItemStatus.PASSED)).isEqualTo(2);
        assertThat(fixed.retryErrors(id)).isZero();
    }

    @Test
    void aRuntimeThatCannotBeMadeOrMissesToolsFailsTheJobAtOnce() {
        Agents agents = agents(ScriptedCreator.working(), new PassingAuditor());
        GenerationEngine broken = new GenerationEngine(() -> store, () -> {
            throw new IllegalStateException("no Kubernetes config at ~/.kube/config");
        }, new PluginRegistry(List.of(new StubPlugin())), agents, false);
        long first = broken.submit(spec(2, 2, "pass"));
        JobInfo a = broken.run(first, e -> { });
        assertThat(a.status()).isEqualTo(JobStatus.FAILED);
        assertThat(a.items()).allSatisfy(i -> assertThat(i.message()).contains("no Kubernetes config"))
                .allMatch(i -> i.status() == ItemStatus.ERROR);

        FakeSandbox lacking = FakeSandbox.missing("xdotool is not installed (apt install xdotool)");
        GenerationEngine g = engine(lacking, agents);
        long second = g.submit(spec(2, 1, "pass"));
        JobInfo b = g.run(second, e -> { });
        assertThat(b.status()).isEqualTo(JobStatus.FAILED);
        assertThat(b.message()).contains("xdotool is not installed");
        assertThat(b.items()).allMatch(i -> i.status() == ItemStatus.ERROR && i.message().contains("xdotool is not installed"));
        assertThat(lacking.starts.get()).isZero();
    }

    @Test
    void aCreatorThatCannotBeMadeOnResumeFailsTheJobAndErrsTheRemainingItems() {
        GenerationEngine first = engine(FakeSandbox.quiet(), agents(ScriptedCreator.working(), new PassingAuditor()));
        long id = first.submit(spec(3, 1, "pass"));
        first.run(id, e -> {
            if (e instanceof JobEvent.ItemDone) {
                first.cancel(id);
            }
        });
        assertThat(first.job(id).orElseThrow().count(ItemStatus.PASSED)).isEqualTo(1);

        Agents unusable = new Agents() {
            @Override
            public Creator creator(String name) {
                throw new IllegalArgumentException("the LLM settings (ENVFORGE_LLM_*) are unusable: no model named");
            }

            @Override
            public Auditor auditor(String name) {
                return new PassingAuditor();
            }
        };
        JobInfo info = engine(FakeSandbox.quiet(), unusable).run(id, events::add);
        assertThat(info.status()).isEqualTo(JobStatus.FAILED);
        assertThat(info.message()).contains("the LLM settings (ENVFORGE_LLM_*) are unusable");
        assertThat(info.items().get(0).status()).isEqualTo(ItemStatus.PASSED);
        assertThat(info.items().subList(1, 3)).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(ItemStatus.ERROR);
            assertThat(i.message()).contains("the LLM settings (ENVFORGE_LLM_*) are unusable");
        });
        assertThat(done().status()).isEqualTo(JobStatus.FAILED);
        assertThat(done().passed()).isEqualTo(1);
        assertThat(done().errors()).isEqualTo(2);
    }

    @Test
    void anErrorInTheCreatorEndsItsItemInErrorAndTheJobGoesOn() {
        ScriptedCreator creator = new ScriptedCreator(n -> switch (n) {
            case 1 -> new OutOfMemoryError("Java heap space");
            case 2 -> new StackOverflowError();
            default -> null;
        }, "");
        GenerationEngine g = engine(FakeSandbox.quiet(), agents(creator, new PassingAuditor()));
        long id = g.submit(spec(3, 1, "pass"));
        JobInfo info = g.run(id, events::add);
        assertThat(info.status()).isEqualTo(JobStatus.DONE);
        assertThat(info.items()).extracting(JobItem::status).containsExactly(ItemStatus.ERROR, ItemStatus.ERROR, ItemStatus.PASSED);
        assertThat(info.items().get(0).message()).contains("OutOfMemoryError").contains("Java heap space");
        assertThat(info.items().get(1).message()).contains("StackOverflowError");
        assertThat(done().passed()).isEqualTo(1);
        assertThat(done().errors()).isEqualTo(2);
        assertThat(events).filteredOn(e -> e instanceof JobEvent.ItemDone).hasSize(3);
    }

    @Test
    void aWorkerThatDiesLeavesNoItemPending() {
        GenerationEngine g = engine(FakeSandbox.quiet(), agents(ScriptedCreator.working(), new PassingAuditor()));
        long id = g.submit(spec(3, 1, "pass"));
        // A listener that breaks on everything about the first environment takes its worker down with it.
        JobInfo info = g.run(id, e -> {
            if (e instanceof JobEvent.ItemStarted s && s.index() == 0 || e instanceof JobEvent.Message m && m.index() == 0
                    || e instanceof JobEvent.ItemDone d && d.index() == 0) {
                throw new IllegalStateException("the view is gone");
            }
            events.add(e);
        });
        assertThat(info.items()).allMatch(JobItem::finished);
        assertThat(info.items()).allSatisfy(i -> assertThat(i.message()).contains("the view is gone"));
        assertThat(info.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done().errors()).isEqualTo(3);
    }

    // What a sandbox prints -------------------------------------------------------------------

    @Test
    void whatTheSandboxPrintsReachesReasonsAndEventsBoundedAndCleanAndStaysWholeInABlob() throws IOException {
        FakeSandbox rt = FakeSandbox.answering(c -> c.contains("seed-the-data") ? new ExecResult(1, "", Noise.EIGHT_MIB, false, 5)
                : new ExecResult(1, "", "\u001b[1mcat: no such file\u001b[0m", false, 1));
        GenerationEngine g = engine(rt, agents(new ScriptedCreator(n -> null, "seed-the-data"), new RuleAuditor()));
        long id = g.submit(new JobSpec(null, List.of("stub"), 1, 1, 1, "scripted", "rules", 1, 0, 1));
        JobInfo info = g.run(id, events::add);

        assertThat(info.items().get(0).status()).isEqualTo(ItemStatus.FAILED);
        RoundRecord round = g.rounds(id, 0).get(0);
        String setup = round.evidence().get(0).setupError();
        Noise.assertBoundedAndClean("setup error", setup, Clip.REASON);
        assertThat(setup).contains("the setup script failed (exit 1)").contains("cut").contains(Noise.TAIL).contains(Noise.HEAD);
        for (TaskAudit t : round.audit().tasks()) {
            t.items().forEach(v -> Noise.assertBoundedAndClean("reason of " + v.item(), v.reason(), Clip.REASON));
        }
        assertThat(round.audit().tasks().get(0).failures()).anySatisfy(v -> assertThat(v.reason()).contains("no such table: staff"));
        Noise.assertBoundedAndClean("item message", info.items().get(0).message(), Clip.REASON);
        for (JobEvent e : events) {
            if (e instanceof JobEvent.Message m) {
                Noise.assertBoundedAndClean("message event", m.text(), Clip.REASON);
            } else if (e instanceof JobEvent.AuditAnswer v) {
                Noise.assertBoundedAndClean("verdict event", v.verdict().reason(), Clip.REASON);
            } else if (e instanceof JobEvent.RoundDone r) {
                Noise.assertBoundedAndClean("round event", r.error(), Clip.REASON);
            }
        }
        // The whole output is kept, as a blob, for whoever needs more than the reason says.
        try (Stream<Path> files = Files.walk(store.blobs().root())) {
            assertThat(files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).max().orElse(0))
                    .isGreaterThanOrEqualTo(8 << 20);
        }
    }
}
