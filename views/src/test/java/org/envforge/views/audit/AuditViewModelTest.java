package org.envforge.views.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envforge.agent.AuditReport;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.Creation;
import org.envforge.agent.EnvironmentDraft;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobItem;
import org.envforge.engine.RoundRecord;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.plugin.Drafts;
import org.envforge.runtime.WindowInfo;
import org.envforge.spec.Checker;
import org.envforge.verify.CheckResult;
import org.envforge.views.common.DirectTaskRunner;
import org.junit.jupiter.api.Test;

/**
 * The audit debugger's models on a direct task runner and rounds in memory: which job, environment,
 * round and item are chosen, how an item's evidence reads, and what the diff compares.
 */
class AuditViewModelTest {

    private static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

    private final List<JobInfo> jobs = new ArrayList<>();
    private final Map<Integer, List<RoundRecord>> rounds = new java.util.HashMap<>();
    private final List<String> shotsAsked = new ArrayList<>();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final AuditViewModel vm = new AuditViewModel(new RoundSource() {
        @Override
        public List<JobInfo> jobs(int limit) {
            return jobs;
        }

        @Override
        public List<RoundRecord> rounds(long job, int index) {
            return rounds.getOrDefault(index, List.of());
        }
    }, sha -> {
        shotsAsked.add(sha);
        return Optional.of(new byte[0]);
    }, png -> null, tasks);

    private static List<ItemVerdict> verdicts(AuditVerdict oracle, AuditVerdict data) {
        return List.of(new ItemVerdict("setup_runs", "Setup runs.", AuditVerdict.PASS, "fine", List.of()),
                new ItemVerdict("oracle_solves", "The oracle solves it.", oracle, "B9 holds 1200", List.of("end-sha", "checker")),
                new ItemVerdict("data_visible_at_start", "The data shows.", data, "half hidden", List.of()));
    }

    private static RoundRecord round(int n, String instruction, String setup, AuditVerdict oracle) {
        EnvironmentDraft env = new EnvironmentDraft("gnumeric_e1", "gnumeric", "Gnumeric",
                List.of(AuditViewTest.draft(instruction, setup)));
        Creation c = new Creation(env, List.of(), Map.of());
        Checker.Condition cond = Drafts.condition("cell", "equals_number", 1234, "cell", "B9");
        CheckResult check = new CheckResult(oracle != AuditVerdict.FAIL, List.of(new CheckResult.ConditionResult(cond, "1200\n",
                oracle != AuditVerdict.FAIL, "")));
        WindowInfo w = new WindowInfo("0x1", "wages.csv - Gnumeric", "gnumeric", 0, 0, 1280, 800);
        TaskEvidence ev = new TaskEvidence("total_s1", oracle == AuditVerdict.FAIL ? "no window in 10 s" : null, "start-sha", "end-sha",
                List.of(w), w, List.of(new TaskEvidence.ProbeReading("cell", "B9", "")),
                List.of(new TaskEvidence.ProbeReading("cell", "B9", "1200")), null, check, "Employment  wages", null, 4200, null);
        AuditReport a = new AuditReport("rules", List.of(new TaskAudit("total_s1", verdicts(oracle, AuditVerdict.PARTIAL))));
        return new RoundRecord(1, 0, n, "recipe", "rules", c, List.of(ev), a, oracle != AuditVerdict.FAIL, null, T0, T0.plusMillis(9_500));
    }

    private void oneJob() {
        jobs.add(new JobInfo(1, null, JobStatus.DONE, T0, T0, null, List.of(
                new JobItem(1, 0, "gnumeric", "Gnumeric", "gnumeric_e1", ItemStatus.PASSED, 3, ""),
                new JobItem(1, 1, "gnumeric", "Gnumeric", "gnumeric_e2", ItemStatus.ERROR, 1, "Xvfb exited"))));
        rounds.put(0, List.of(round(1, "Put the total in B9.", "cp a ~/\n", AuditVerdict.FAIL),
                round(2, "Put the total in B9 and save.", "cp a ~/\nwait\n", AuditVerdict.FAIL), round(3, "Put the total in B9 and save.",
                        "cp a ~/\nwait\n", AuditVerdict.PASS)));
        rounds.put(1, List.of(new RoundRecord(1, 1, 1, "recipe", "rules", null, List.of(), null, false, "the sandbox did not start",
                T0, null)));
    }

    @Test
    void choosesTheFirstFailedEnvironmentAndItsLatestFailedRound() {
        oneJob();
        vm.refresh();
        assertThat(vm.picker().jobProperty().get().id()).isEqualTo(1);
        assertThat(vm.picker().itemProperty().get().envName()).as("the environment that failed").isEqualTo("gnumeric_e2");
        assertThat(vm.findings().findings()).extracting(f -> f.verdict().item()).containsExactly(Finding.ROUND_ERROR);
        assertThat(vm.evidence().errorsProperty().get()).isEqualTo("Round error: the sandbox did not start");
        assertThat(vm.findings().summaryProperty().get())
                .isEqualTo("Round 1 by recipe / rules: could not finish (the sandbox did not start).");
        assertThat(vm.messageProperty().get()).isEqualTo("gnumeric_e2: 1 round, error (Xvfb exited).");

        vm.picker().itemProperty().set(vm.picker().items().get(0));
        assertThat(vm.findings().rounds()).hasSize(3);
        assertThat(vm.findings().roundProperty().get().round()).as("the latest failed round").isEqualTo(2);
        assertThat(vm.findings().summaryProperty().get()).isEqualTo("Round 2 by recipe / rules: 1 failed item in 1 of 1 tasks; 9.5 s.");
        assertThat(vm.findings().findings()).extracting(f -> f.verdict().item()).containsExactly("oracle_solves");
        vm.findings().failuresOnlyProperty().set(false);
        assertThat(vm.findings().findings()).extracting(f -> f.verdict().item())
                .containsExactly("setup_runs", "oracle_solves", "data_visible_at_start");
        assertThat(vm.findings().findingProperty().get().verdict().item()).isEqualTo("setup_runs");
    }

    @Test
    void mapsAnItemsEvidenceToText() {
        oneJob();
        vm.open(1, 0);
        Finding f = vm.findings().findingProperty().get();
        assertThat(f.verdict().item()).isEqualTo("oracle_solves");
        assertThat(vm.evidence().checkAtStartProperty().get()).isEqualTo("not run");
        assertThat(vm.evidence().checkAtEndProperty().get())
                .isEqualTo("FAIL: 0 of 1 condition hold\n\u2717 cell {\"cell\":\"B9\"} equals_number 1234 \u2192 read \"1200\"");
        assertThat(vm.evidence().errorsProperty().get()).isEqualTo("Setup error: no window in 10 s");
        assertThat(vm.evidence().notesProperty().get()).isEqualTo("The verdict rests on: end screenshot, checker.\n"
                + "Windows at the start: \"wages.csv - Gnumeric\" 1280x800\nOCR of the start screen: Employment wages\n"
                + "Evidence gathered in 4.2 s.");
        assertThat(vm.evidence().probes()).containsExactly(new ProbeRow("cell", "B9", "", "1200"));
        assertThat(shotsAsked).containsExactly("start-sha", "end-sha");
        assertThat(vm.evidence().startShotProperty().get()).as("nothing decoded in a plain test").isNull();
        vm.findings().findingProperty().set(null);
        assertThat(vm.evidence().notesProperty().get()).isEmpty();
        assertThat(vm.evidence().probes()).isEmpty();
    }

    @Test
    void diffsTheChosenRoundWithTheOneBefore() {
        oneJob();
        vm.open(1, 0);
        assertThat(vm.diff().roundNumbers()).containsExactly(1, 2, 3);
        assertThat(vm.diff().fromProperty().get()).isEqualTo(1);
        assertThat(vm.diff().toProperty().get()).isEqualTo(2);
        assertThat(vm.diff().tasks()).containsExactly("total_s1");
        assertThat(vm.diff().artefactProperty().get()).as("the first changed artefact").isEqualTo(Artefacts.INSTRUCTION);
        assertThat(vm.diff().changed(Artefacts.SETUP)).isTrue();
        assertThat(vm.diff().changed(Artefacts.CHECKER)).isFalse();
        assertThat(vm.diff().summaryProperty().get()).isEqualTo("instruction, round 1 \u2192 2: 1 line added, 1 removed.");
        vm.diff().fromProperty().set(3);
        assertThat(vm.diff().changed(Artefacts.SETUP)).isFalse();
        assertThat(vm.diff().summaryProperty().get()).isEqualTo("instruction: no change from round 3 to round 2.");
        assertThat(vm.diff().draft(1, "total_s1")).hasValueSatisfying(d -> assertThat(d.instruction()).isEqualTo("Put the total in B9."));
    }

    @Test
    void saysWhenThereIsNothingToShow() {
        vm.refresh();
        assertThat(vm.messageProperty().get()).isEqualTo("No generation jobs yet. Start one on the Generation page.");
        oneJob();
        vm.open(7, 0);
        assertThat(vm.messageProperty().get()).isEqualTo("No job 7.");
        assertThat(vm.picker().jobs()).hasSize(1);
        int runs = tasks.runs();
        vm.picker().jobProperty().set(null);
        assertThat(vm.picker().items()).isEmpty();
        assertThat(vm.findings().rounds()).isEmpty();
        assertThat(tasks.runs()).as("no rounds to load").isEqualTo(runs);
    }
}
