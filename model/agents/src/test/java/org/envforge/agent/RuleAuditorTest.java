package org.envforge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.envforge.agent.recipe.FaultInjector;
import org.envforge.agent.rules.RuleAuditor;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.PluginContract;
import org.envforge.runtime.WindowInfo;
import org.envforge.spec.Checker;
import org.envforge.verify.CheckResult;
import org.junit.jupiter.api.Test;

/** The rule auditor on synthetic evidence: each defect fails its item, a clean task passes. */
class RuleAuditorTest {

    private final StubPlugin plugin = new StubPlugin();
    private final TaskDraft clean = plugin.templates().get(0).generate(new TemplateContext(3, PluginContract.seedData(), "stub@1"));
    private final FaultInjector faults = new FaultInjector((p, t) -> Map.of());

    private static CheckResult result(TaskDraft t, boolean passed) {
        Checker.Condition c = t.checker().conditions().get(0);
        return new CheckResult(passed, List.of(new CheckResult.ConditionResult(c, passed ? c.expected().asText() : "", passed,
                passed ? "holds" : "expected something")));
    }

    private static TaskEvidence evidence(TaskDraft t, boolean window, boolean startPasses, boolean endPasses, String ocr) {
        WindowInfo w = new WindowInfo("0x1", "Stub", "xterm", 0, 0, 600, 400);
        return new TaskEvidence(t.name(), null, "a".repeat(64), "b".repeat(64), window ? List.of(w) : List.of(), window ? w : null,
                List.of(), List.of(new TaskEvidence.ProbeReading("file_text", "{}", endPasses ? t.checker().conditions().get(0)
                        .expected().asText() : "")), result(t, startPasses), result(t, endPasses), ocr, null, 10, null);
    }

    private TaskAudit audit(TaskDraft t, TaskEvidence e) {
        return new RuleAuditor().audit(new AuditInput("stub", "xterm", List.of(new AuditInput.TaskUnderAudit(t, e)), s -> new byte[0]))
                .tasks().get(0);
    }

    private static AuditVerdict verdict(TaskAudit a, String item) {
        return a.items().stream().filter(i -> i.item().equals(item)).findFirst().orElseThrow().verdict();
    }

    @Test
    void aCleanTaskPasses() {
        TaskAudit a = audit(clean, evidence(clean, true, false, true, "envforge@host:~$ ls data.tsv"));
        assertThat(a.passed()).as(a.failures().toString()).isTrue();
        assertThat(a.items()).extracting(ItemVerdict::item).containsExactlyElementsOf(
                AuditChecklist.ALL.stream().map(AuditChecklist.Item::id).toList());
    }

    @Test
    void eachDefectFailsItsItem() {
        TaskDraft noWait = faults.inject(Defect.NO_WAIT_FOR_WINDOW, plugin, clean);
        assertThat(verdict(audit(noWait, evidence(noWait, false, false, true, "")), "app_ready_at_start")).isEqualTo(AuditVerdict.FAIL);

        TaskDraft always = faults.inject(Defect.CHECKER_ALWAYS_PASSES, plugin, clean);
        TaskAudit alwaysAudit = audit(always, evidence(always, true, true, true, "text here for ocr"));
        assertThat(verdict(alwaysAudit, "not_solved_at_start")).isEqualTo(AuditVerdict.FAIL);

        TaskDraft vague = faults.inject(Defect.AMBIGUOUS_INSTRUCTION, plugin, clean);
        TaskAudit vagueAudit = audit(vague, evidence(vague, true, false, true, "text here for ocr"));
        assertThat(verdict(vagueAudit, "instruction_specific")).isEqualTo(AuditVerdict.FAIL);
        assertThat(vagueAudit.items().stream().filter(i -> i.item().equals("instruction_specific")).findFirst().orElseThrow().reason())
                .contains("total.txt");

        TaskDraft leak = faults.inject(Defect.LEAKED_SOLUTION, plugin, clean);
        assertThat(verdict(audit(leak, evidence(leak, true, false, true, "text here")), "instruction_no_leak"))
                .isEqualTo(AuditVerdict.FAIL);

        TaskDraft wrong = faults.inject(Defect.WRONG_START_DATA, plugin, clean);
        assertThat(wrong.files()).isEmpty();
        assertThat(verdict(audit(wrong, evidence(wrong, true, false, false, "text")), "oracle_solves")).isEqualTo(AuditVerdict.FAIL);
    }

    @Test
    void aFailedSetupFailsReadinessAndOracle() {
        TaskEvidence e = new TaskEvidence(clean.name(), "the setup script failed (exit 1)", null, null, List.of(), null, List.of(),
                List.of(), null, null, "", null, 5, null);
        TaskAudit a = audit(clean, e);
        assertThat(verdict(a, "setup_runs")).isEqualTo(AuditVerdict.FAIL);
        assertThat(verdict(a, "oracle_solves")).isEqualTo(AuditVerdict.FAIL);
        assertThat(a.passed()).isFalse();
    }

    @Test
    void dataVisibleUsesOcrOfTheDeclaredValues() {
        TaskDraft withMarkers = clean.toBuilder().metadata(Map.of("visible_at_start", org.envforge.plugin.Drafts.json(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("Registered Nurses").add("Pharmacists"))))
                .build();
        assertThat(verdict(audit(withMarkers, evidence(withMarkers, true, false, true, "Registcred Nurses 3175390\nPharmacists 333")),
                "data_visible_at_start")).isEqualTo(AuditVerdict.PASS);
        assertThat(verdict(audit(withMarkers, evidence(withMarkers, true, false, true, "an empty sheet")), "data_visible_at_start"))
                .isEqualTo(AuditVerdict.PARTIAL);
    }
}
