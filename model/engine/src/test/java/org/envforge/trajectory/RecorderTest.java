package org.envforge.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.envforge.action.Action;
import org.envforge.agent.ComputerUseAgent;
import org.envforge.agent.StubPlugin;
import org.envforge.agent.rules.RuleTestTimeAuditor;
import org.envforge.engine.EngineJson;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.PluginContract;
import org.envforge.runtime.Sandboxes;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.runtime.local.LocalRuntime;
import org.envforge.store.Store;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.trajectory.record.OracleAgent;
import org.envforge.trajectory.record.RecordEvent;
import org.envforge.trajectory.record.RecordOptions;
import org.envforge.trajectory.record.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording agents on a real xterm task: every step stored, "done" audited, feedback back to the agent. */
class RecorderTest {

    @TempDir
    Path dir;
    private Store store;
    private Trajectories ts;
    private LocalRuntime rt;
    private final StubPlugin plugin = new StubPlugin();
    private TaskDraft task;
    private final List<RecordEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        Sandboxes.requireTools(List.of("xterm"));
        store = Store.open(dir.resolve("data"));
        ts = new Trajectories(store);
        rt = Sandboxes.local(dir);
        task = plugin.templates().get(0).generate(new TemplateContext(3, PluginContract.seedData(), "stub_env@1"));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Trajectory record(ComputerUseAgent agent, RecordOptions options) {
        try (Session s = rt.start(SessionRequest.defaults("stub"))) {
            return new Recorder(ts, store.blobs(), new RuleTestTimeAuditor(500)).record(s, plugin, task, "template:stub/total/3", agent,
                    options, events::add);
        }
    }

    private List<TestTimeAudit> audits(Trajectory t) {
        return List.of(EngineJson.read(t.testTimeAudit(), TestTimeAudit[].class));
    }

    @Test
    void anOracleRunIsRecordedStepByStepAndPasses() {
        Trajectory t = record(new OracleAgent(task.oracle()), RecordOptions.defaults());
        assertThat(t.status()).isEqualTo(TrajectoryStatus.COMPLETE);
        assertThat(t.saidDone()).isTrue();
        assertThat(t.checkerPassed()).isTrue();
        List<Step> steps = ts.steps(t.id());
        assertThat(steps).hasSize(task.oracle().size() + 1);
        for (Step s : steps) {
            assertThat(s.screenshot()).as("screen before step " + s.index()).isNotNull();
            assertThat(store.blobs().contains(s.screenshot())).isTrue();
            assertThat(s.error()).isNull();
        }
        assertThat(steps.get(1).actions()).containsExactly(task.oracle().get(1));
        assertThat(steps.get(steps.size() - 1).actions()).containsExactly(new Action.Done());
        assertThat(steps.get(steps.size() - 1).afterShot()).isNotNull();
        // The screen changed while the agent typed: the frames are not all one.
        assertThat(steps.stream().map(Step::screenshot).distinct().count()).isGreaterThan(1);
        List<TestTimeAudit> audits = audits(t);
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0).solved()).isEqualTo(TestTimeAudit.Solved.SOLVED);
        assertThat(audits.get(0).mode()).isEqualTo("live");
        assertThat(events.get(0)).isInstanceOf(RecordEvent.Started.class);
        assertThat(events.stream().filter(e -> e instanceof RecordEvent.StepRecorded).count()).isEqualTo(steps.size());
        assertThat(events.get(events.size() - 1)).isInstanceOf(RecordEvent.Finished.class);
    }

    /** Plays the oracle but says done after {@code first} actions; after feedback it finishes the job. */
    static final class HastyAgent implements ComputerUseAgent {
        final List<Action> oracle;
        final int first;
        final boolean listens;
        final List<String> feedbackSeen = new ArrayList<>();
        int played;

        HastyAgent(List<Action> oracle, int first, boolean listens) {
            this.oracle = oracle;
            this.first = first;
            this.listens = listens;
        }

        @Override
        public String id() {
            return "hasty";
        }

        @Override
        public Decision next(Observation o) {
            if (o.feedback() != null) {
                feedbackSeen.add(o.feedback());
            }
            boolean mayGoOn = played < first || listens && !feedbackSeen.isEmpty();
            if (mayGoOn && played < oracle.size()) {
                return new Decision(oracle.get(played++), "acting");
            }
            return new Decision(new Action.Done(), "I am done.");
        }
    }

    @Test
    void aPrematureDoneIsFlaggedAndTheFeedbackLetsTheAgentFinish() {
        HastyAgent agent = new HastyAgent(task.oracle(), 2, true);
        Trajectory t = record(agent, new RecordOptions(30, true, 3));
        List<TestTimeAudit> audits = audits(t);
        assertThat(audits).hasSize(2);
        assertThat(audits.get(0).premature()).isTrue();
        assertThat(audits.get(0).solved()).isEqualTo(TestTimeAudit.Solved.NOT_SOLVED);
        assertThat(audits.get(1).solved()).isEqualTo(TestTimeAudit.Solved.SOLVED);
        assertThat(agent.feedbackSeen).hasSize(1);
        assertThat(agent.feedbackSeen.get(0)).contains("not finished").contains("total.txt")
                .as("the feedback never gives the expected value away").doesNotContain(String.valueOf(
                        task.checker().conditions().get(0).expected().asText()));
        assertThat(t.checkerPassed()).isTrue();
        assertThat(t.saidDone()).isTrue();
        assertThat(events).filteredOn(e -> e instanceof RecordEvent.Audited a && a.feedbackGiven()).hasSize(1);
    }

    @Test
    void anAgentThatIgnoresFeedbackIsAuditedAtMostTheAllowedTimes() {
        HastyAgent agent = new HastyAgent(task.oracle(), 1, false);
        Trajectory t = record(agent, new RecordOptions(30, true, 2));
        List<TestTimeAudit> audits = audits(t);
        assertThat(audits).hasSize(3).allSatisfy(a -> assertThat(a.premature()).isTrue());
        assertThat(agent.feedbackSeen).hasSize(2);
        assertThat(t.checkerPassed()).isFalse();
        assertThat(t.verification()).contains("said done").contains("0 of 1");
    }

    /** An agent that waits for its first {@code steps} steps, then fails as {@code failure} does. */
    private static ComputerUseAgent failingAfter(int steps, Runnable failure) {
        return new ComputerUseAgent() {
            @Override
            public String id() {
                return "failing";
            }

            @Override
            public Decision next(Observation o) {
                if (o.step() < steps) {
                    return new Decision(new Action.Wait(50), "waiting");
                }
                failure.run();
                throw new AssertionError("the failure did not throw");
            }
        };
    }

    @Test
    void anAgentThatFailsEndsTheRunWithTheStepsSoFar() {
        Trajectory t = record(failingAfter(2, () -> {
            throw new IllegalStateException("model endpoint unreachable");
        }), RecordOptions.defaults());
        List<Step> steps = ts.steps(t.id());
        assertThat(steps).hasSize(3);
        assertThat(steps.get(2).error()).contains("model endpoint unreachable");
        assertThat(t.saidDone()).isFalse();
        assertThat(t.status()).isEqualTo(TrajectoryStatus.COMPLETE);
    }

    @Test
    void anErrorInTheAgentEndsTheRecordingInterruptedWithItsReason() {
        Trajectory t = record(failingAfter(1, () -> {
            throw new StackOverflowError();
        }), RecordOptions.defaults());
        assertThat(t.status()).isEqualTo(TrajectoryStatus.INTERRUPTED);
        assertThat(t.verification()).contains("StackOverflowError");
        assertThat(ts.get(t.id()).orElseThrow().status()).isEqualTo(TrajectoryStatus.INTERRUPTED);
        assertThat(events.get(events.size() - 1)).isInstanceOf(RecordEvent.Finished.class);
    }
}
