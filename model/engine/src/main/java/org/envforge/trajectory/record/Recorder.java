package org.envforge.trajectory.record;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.envforge.action.Action;
import org.envforge.agent.ComputerUseAgent;
import org.envforge.engine.EngineJson;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.Screenshot;
import org.envforge.runtime.Session;
import org.envforge.store.BlobStore;
import org.envforge.store.Trajectories;
import org.envforge.text.Clip;
import org.envforge.trajectory.ActionText;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryStatus;
import org.envforge.trajectory.audit.FinalState;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.trajectory.audit.TestTimeAuditor;
import org.envforge.verify.CheckResult;
import org.envforge.verify.TaskHarness;

/**
 * Runs a computer-use agent on a prepared task and records every step as it happens: the screen
 * before the action (content-addressed, so identical frames are stored once), the action, the
 * agent's words, timings. Each step is committed on its own, so a killed recording keeps what it
 * wrote. When the agent says done, the test-time auditor checks the final state; a premature
 * "done" sends the auditor's feedback back to the agent (at most {@code maxAudits} times). At the
 * end the task's checker runs on the final state.
 */
public final class Recorder {

    private static final int RECENT_FRAMES = 3;

    private final Trajectories trajectories;
    private final BlobStore blobs;
    private final TestTimeAuditor auditor;

    /** @param auditor the test-time auditor, or null to record without audits */
    public Recorder(Trajectories trajectories, BlobStore blobs, TestTimeAuditor auditor) {
        this.trajectories = trajectories;
        this.blobs = blobs;
        this.auditor = auditor;
    }

    /**
     * Prepares the task in the session, then records the agent.
     *
     * @param taskRef how to find the task again (stored ref or template ref)
     */
    public Trajectory record(Session s, SoftwarePlugin plugin, TaskDraft task, String taskRef, ComputerUseAgent agent,
            RecordOptions options, Consumer<RecordEvent> events) {
        TaskHarness harness = new TaskHarness(plugin);
        harness.prepare(s, task);
        long id = trajectories.create(taskRef, task.instruction(), agent.id(), "envforge", "session " + s.id(),
                TrajectoryStatus.RECORDING);
        events.accept(new RecordEvent.Started(id, taskRef, agent.id(), task.instruction()));
        // The task's own limit, but never below what its oracle needs (one step per action, then done).
        int taskLimit = task.maxSteps() > 0 ? Math.max(task.maxSteps(), task.oracle().size() + 1) : Integer.MAX_VALUE;
        int maxSteps = Math.min(options.maxSteps(), taskLimit);
        List<ComputerUseAgent.Decision> history = new ArrayList<>();
        List<TestTimeAudit> audits = new ArrayList<>();
        Deque<byte[]> recent = new ArrayDeque<>();
        String feedback = null;
        boolean saidDone = false;
        boolean ended = false;
        int index = 0;
        Step last = null;
        try {
            while (index < maxSteps && !ended) {
                Screenshot shot = s.screenshot();
                String sha = blobs.put(shot.png());
                remember(recent, shot.png());
                Instant at = Instant.now();
                long t0 = System.nanoTime();
                ComputerUseAgent.Decision d;
                try {
                    d = agent.next(new ComputerUseAgent.Observation(task.instruction(), shot.png(), shot.width(), shot.height(), index,
                            history, feedback));
                } catch (RuntimeException e) {
                    last = new Step(index, at, ms(t0), List.of(), "(no action)", null, null, sha, null, null, false,
                            "the agent failed: " + Clip.reason(e));
                    write(id, last, events);
                    index++;
                    break;
                }
                feedback = null;
                history.add(d);
                Action a = d.action();
                boolean done = a instanceof Action.Done || a instanceof Action.Fail;
                String error = null;
                if (!done) {
                    try {
                        s.act(a);
                    } catch (RuntimeException e) {
                        error = Clip.reason(e);
                    }
                }
                last = new Step(index, at, ms(t0), List.of(a), ActionText.of(a), null, d.response(), sha, null, null, done, error);
                write(id, last, events);
                index++;
                if (a instanceof Action.Fail) {
                    ended = true;
                } else if (a instanceof Action.Done) {
                    saidDone = true;
                    ended = true;
                    if (auditor != null && options.audit()) {
                        TestTimeAudit audit = auditor.audit(new FinalState(task.instruction(), task, plugin, s, shot.png(),
                                List.copyOf(recent)));
                        audits.add(audit);
                        boolean again = audit.premature() && audits.size() <= options.maxAudits() && index < maxSteps;
                        events.accept(new RecordEvent.Audited(id, audits.size(), audit, again));
                        trajectories.setTestTimeAudit(id, EngineJson.write(audits));
                        if (again) {
                            feedback = audit.feedback();
                            saidDone = false;
                            ended = false;
                        }
                    }
                }
            }
            String finalShot = blobs.put(s.screenshot().png());
            if (last != null) {
                trajectories.setAfterShot(id, last.index(), finalShot);
            }
            CheckResult check = checkQuietly(harness, s, task);
            String verification = (ended ? saidDone ? "the agent said done" : "the agent stopped" : "stopped after " + index
                    + " steps (the limit)") + "; checker: " + check.summary();
            trajectories.finish(id, TrajectoryStatus.COMPLETE, saidDone, check.passed(), verification);
        } catch (RuntimeException | Error e) {
            // An Error too (an agent overflowing its stack, say) ends the recording, with its reason: never left RECORDING.
            trajectories.finish(id, TrajectoryStatus.INTERRUPTED, saidDone, null, "the recording failed: " + Clip.reason(e));
        }
        Trajectory result = trajectories.get(id).orElseThrow();
        events.accept(new RecordEvent.Finished(id, result));
        return result;
    }

    private void write(long id, Step step, Consumer<RecordEvent> events) {
        trajectories.addStep(id, step);
        events.accept(new RecordEvent.StepRecorded(id, step));
    }

    private static void remember(Deque<byte[]> recent, byte[] png) {
        recent.addLast(png);
        while (recent.size() > RECENT_FRAMES) {
            recent.removeFirst();
        }
    }

    private static CheckResult checkQuietly(TaskHarness h, Session s, TaskDraft t) {
        try {
            CheckResult r = h.check(s, t);
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (!r.passed() && System.nanoTime() < deadline) {
                Thread.sleep(250);
                r = h.check(s, t);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult(false, List.of());
        } catch (RuntimeException e) {
            return new CheckResult(false, List.of(new CheckResult.ConditionResult(null, "", false,
                    "the checker could not run: " + Clip.reason(e))));
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
