package org.envforge.views.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.envforge.action.Action;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.AuditReport;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.Creation;
import org.envforge.agent.Defect;
import org.envforge.agent.EnvironmentDraft;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.engine.DefaultAgents;
import org.envforge.engine.EngineJson;
import org.envforge.engine.GenerationEngine;
import org.envforge.engine.JobSpec;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.PluginRegistry;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.WindowInfo;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;
import org.envforge.store.Jobs;
import org.envforge.store.Store;
import org.envforge.verify.CheckResult;
import org.envforge.views.common.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audit debugger on rounds stored in a real store (the engine's JSON, the engine's reader): a
 * failed round's items with their evidence, a round that could not finish, and the diff of a
 * task's setup script between two rounds.
 */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {

    @TempDir
    static Path dir;

    private Store store;
    private FxTaskRunner tasks;
    private AuditViewModel vm;
    private AuditView view;
    private long job;
    private String redSha;
    private String greenSha;

    @Start
    void start(Stage stage) throws Exception {
        store = Store.open(dir.resolve("data-" + System.nanoTime()));
        job = storeJob(store);
        GenerationEngine engine = new GenerationEngine(() -> store, () -> {
            throw new IllegalStateException("the debugger never starts sandboxes");
        }, new PluginRegistry(List.of()), new DefaultAgents(Map.of(), Map.of()), false);
        tasks = new FxTaskRunner(2);
        vm = new AuditViewModel(RoundSource.of(engine), sha -> store.blobs().get(sha), tasks);
        view = new AuditView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    // Fixture: one job, two environments; the first failed round 1 and passed round 2, the second hit an error.

    static byte[] png(java.awt.Color c) throws Exception {
        BufferedImage img = new BufferedImage(80, 50, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 80, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static TaskDraft draft(String instruction, String setup) {
        return draft("total_s1", instruction, setup);
    }

    static TaskDraft draft(String name, String instruction, String setup) {
        return TaskDraft.builder().template("total").name(name).instruction(instruction).difficulty("easy").maxSteps(20)
                .timeoutSeconds(120).files(Map.of("wages.csv", "a,b\n1,2\n".getBytes())).setup(setup)
                .launch(List.of("gnumeric", "~/wages.csv")).windowTitle("wages")
                .checker(new Checker.Probes(List.of(Drafts.condition("cell", "equals_number", 1234, "file", "~/wages.gnumeric", "cell",
                        "B9"))))
                .checklist(new Checklist(List.of(Drafts.item("total", 100, "B9 holds the total", "")), List.of(), ""))
                .privilegedInfo(new PrivilegedInfo(List.of(Drafts.fact("total", 1234, "BLS OEWS")), "", "high", false))
                .oracle(List.of(new Action.Click(100, 200, Action.Button.LEFT, 1), new Action.TypeText("=SUM(B2:B8)"))).provenance("BLS")
                .build();
    }

    private static List<ItemVerdict> verdicts(Map<String, AuditVerdict> overrides, Map<String, String> reasons, List<String> evidence) {
        List<ItemVerdict> out = new ArrayList<>();
        for (AuditChecklist.Item i : AuditChecklist.ALL) {
            out.add(new ItemVerdict(i.id(), i.question(), overrides.getOrDefault(i.id(), AuditVerdict.PASS),
                    reasons.getOrDefault(i.id(), "fine"), i.id().equals("oracle_solves") ? evidence : List.of()));
        }
        return out;
    }

    private long storeJob(Store s) throws Exception {
        redSha = s.blobs().put(png(java.awt.Color.RED));
        greenSha = s.blobs().put(png(java.awt.Color.GREEN));
        Jobs jobs = new Jobs(s);
        JobSpec spec = new JobSpec(null, List.of("gnumeric"), 2, 1, 3, "recipe", "rules", 1, 0.5, 1);
        long id = jobs.create(EngineJson.write(spec), List.of(
                new Jobs.ItemRow(0, 0, "gnumeric", "Gnumeric", "gnumeric_j{job}_e1", ItemStatus.PENDING, 0, null),
                new Jobs.ItemRow(0, 1, "gnumeric", "Gnumeric", "gnumeric_j{job}_e2", ItemStatus.PENDING, 0, null)));
        Instant t0 = Instant.parse("2025-05-01T10:00:00Z");
        Checker.Condition cond = Drafts.condition("cell", "equals_number", 1234, "file", "~/wages.gnumeric", "cell", "B9");
        CheckResult failing = new CheckResult(false, List.of(new CheckResult.ConditionResult(cond, "1200", false,
                "cell B9: expected 1234 but found 1200")));
        CheckResult passing = new CheckResult(true, List.of(new CheckResult.ConditionResult(cond, "1234", true, "ok")));
        WindowInfo window = new WindowInfo("0x1", "wages.csv - Gnumeric", "gnumeric", 0, 0, 1280, 800);

        // Round 1: the oracle does not reach the total.
        Creation c1 = new Creation(new EnvironmentDraft("gnumeric_j1_e1", "gnumeric", "Gnumeric",
                List.of(draft("Put the total in B9.", "cp wages.csv ~/\ngnumeric ~/wages.csv &\n"),
                        draft("wage_s1", "Find the top wage.", ""))), List.of("seeded 7 rows"),
                Map.of("total_s1", Defect.NO_WAIT_FOR_WINDOW));
        TaskEvidence e1 = new TaskEvidence("total_s1", null, redSha, greenSha, List.of(window), window,
                List.of(new TaskEvidence.ProbeReading("cell", "{\"cell\":\"B9\"}", "")),
                List.of(new TaskEvidence.ProbeReading("cell", "{\"cell\":\"B9\"}", "1200")), failing, failing, "Employment wages", null,
                4200, null);
        AuditReport a1 = new AuditReport("rules", List.of(new TaskAudit("total_s1", verdicts(
                Map.of("oracle_solves", AuditVerdict.FAIL, "data_visible_at_start", AuditVerdict.PARTIAL),
                Map.of("oracle_solves", "the checker still fails after the oracle: cell B9: expected 1234 but found 1200"),
                List.of(greenSha)))));
        jobs.saveRound(new Jobs.RoundRow(id, 0, 1, "recipe", "rules", EngineJson.write(c1), EngineJson.write(List.of(e1)),
                EngineJson.write(a1), false, null, t0, t0.plusSeconds(9)), List.of(new Jobs.Failure("gnumeric", "total_s1",
                        "oracle_solves", t0)));

        // Round 2: the creator waits for the window and rewords the instruction; the audit passes.
        Creation c2 = new Creation(new EnvironmentDraft("gnumeric_j1_e1", "gnumeric", "Gnumeric",
                List.of(draft("Put the total employment of column B in cell B9 and save.",
                        "cp wages.csv ~/\ngnumeric ~/wages.csv &\nwait_for_window wages\n"),
                        draft("wage_s2", "Find the top wage in column C.", ""))), List.of("fixed: wait for the window"),
                Map.of());
        TaskEvidence e2 = new TaskEvidence("total_s1", null, redSha, greenSha, List.of(window), window, List.of(), List.of(), failing,
                passing, "", null, 3000, null);
        AuditReport a2 = new AuditReport("rules", List.of(new TaskAudit("total_s1", verdicts(Map.of(), Map.of(), List.of()))));
        jobs.saveRound(new Jobs.RoundRow(id, 0, 2, "recipe", "rules", EngineJson.write(c2), EngineJson.write(List.of(e2)),
                EngineJson.write(a2), true, null, t0.plusSeconds(10), t0.plusSeconds(20)), List.of());
        jobs.setItemStatus(id, 0, ItemStatus.PASSED, "audit passed in round 2");

        // The second environment: its only round could not finish.
        jobs.saveRound(new Jobs.RoundRow(id, 1, 1, "recipe", "rules", null, EngineJson.write(List.of()), null, false,
                "the sandbox did not start: Xvfb exited", t0.plusSeconds(30), t0.plusSeconds(31)),
                List.of(new Jobs.Failure("gnumeric", "", "round_error", t0)));
        jobs.setItemStatus(id, 1, ItemStatus.ERROR, "the sandbox did not start");
        jobs.setJobStatus(id, JobStatus.DONE, null);
        return id;
    }

    /** Waits for the condition, checked on the FX thread (where the view-model's lists change). */
    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void failedItemsWithTheirEvidenceAndTheDiffBetweenRounds(FxRobot robot) throws Exception {
        robot.interact(vm::refresh);
        // The job opens on its environment in error: the round's error is the one finding.
        JobPickerModel picker = vm.picker();
        waitFor(() -> picker.jobProperty().get() != null && picker.jobProperty().get().id() == job && !vm.findings().findings().isEmpty());
        assertThat(vm.picker().itemProperty().get().envName()).isEqualTo("gnumeric_j" + job + "_e2");
        assertThat(vm.findings().findings()).hasSize(1);
        assertThat(vm.findings().findings().get(0).verdict().item()).isEqualTo(Finding.ROUND_ERROR);
        assertThat(label(robot, "#audit-errors")).isEqualTo("Round error: the sandbox did not start: Xvfb exited");
        assertThat(label(robot, "#audit-round-summary")).startsWith("Round 1 by recipe / rules: could not finish");

        // The first environment: its failed round 1 is shown, with the one failed item.
        robot.interact(() -> vm.picker().itemProperty().set(vm.picker().items().get(0)));
        FindingsModel findings = vm.findings();
        waitFor(() -> findings.roundProperty().get() != null && findings.roundProperty().get().round() == 1
                && !findings.findings().isEmpty());
        assertThat(vm.findings().rounds()).hasSize(2);
        assertThat(view.findingList().getItems()).extracting(f -> f.verdict().item()).containsExactly("oracle_solves");
        assertThat(label(robot, "#audit-item")).isEqualTo("total_s1 \u00b7 oracle_solves");
        assertThat(label(robot, "#audit-verdict")).isEqualTo("fail");
        assertThat(label(robot, "#audit-reason")).contains("expected 1234 but found 1200");
        assertThat(label(robot, "#audit-check-start")).startsWith("FAIL: 0 of 1 condition hold");
        assertThat(label(robot, "#audit-check-end")).contains("\u2717 cell").contains("read \"1200\"");
        assertThat(view.probeTable().getItems()).containsExactly(new ProbeRow("cell", "{\"cell\":\"B9\"}", "", "1200"));
        assertThat(label(robot, "#audit-notes")).contains("The verdict rests on: end screenshot.")
                .contains("\"wages.csv - Gnumeric\" 1280x800").contains("OCR of the start screen: Employment wages");
        waitFor(() -> view.startView().getImage() != null && view.endView().getImage() != null);
        assertThat(view.startView().getImage().getPixelReader().getColor(3, 3)).isEqualTo(Color.RED);
        assertThat(view.endView().getImage().getPixelReader().getColor(3, 3)).isEqualTo(Color.rgb(0, 255, 0));
        assertThat(robot.lookup("#audit-errors").queryAs(Label.class).isVisible()).isFalse();

        // All items, not only the failed ones.
        robot.clickOn("#audit-failures-only");
        waitFor(() -> vm.findings().findings().size() == 9);
        assertThat(vm.findings().findings()).filteredOn(f -> f.verdict().verdict() == AuditVerdict.PARTIAL).hasSize(1);

        // The diff from round 1 to round 2: the changed artefacts are found; the setup script gained a line.
        robot.clickOn("Round 2  audit passed");
        waitFor(() -> Integer.valueOf(2).equals(vm.diff().toProperty().get()) && Integer.valueOf(1).equals(vm.diff().fromProperty().get()));
        robot.clickOn("#audit-diff-tab");
        assertThat(robot.lookup("#audit-diff-from").queryAs(javafx.scene.control.ComboBox.class).getValue()).isEqualTo(1);
        assertThat(robot.lookup("#audit-diff-to").queryAs(javafx.scene.control.ComboBox.class).getValue()).isEqualTo(2);
        assertThat(robot.lookup("#audit-diff-task").queryAs(javafx.scene.control.ComboBox.class).getValue()).isEqualTo("total_s1");
        assertThat(vm.diff().artefactProperty().get()).isEqualTo(Artefacts.INSTRUCTION);
        assertThat(vm.diff().changed(Artefacts.SETUP)).isTrue();
        assertThat(vm.diff().changed(Artefacts.CHECKER)).isFalse();
        assertThat(vm.diff().changed(Artefacts.NOTES)).isTrue();
        assertThat(view.diffView().text()).isEqualTo("- Put the total in B9.\n+ Put the total employment of column B in cell B9 and save.");
        assertThat(view.diffView().lineStyle(1)).containsExactly("diff-removed");
        assertThat(view.diffView().lineStyle(2)).containsExactly("diff-added");

        robot.clickOn(Artefacts.SETUP);
        waitFor(() -> Artefacts.SETUP.equals(vm.diff().artefactProperty().get()));
        assertThat(view.diffView().text()).isEqualTo("  cp wages.csv ~/\n  gnumeric ~/wages.csv &\n+ wait_for_window wages");
        assertThat(view.diffView().lineStyle(1)).isEmpty();
        assertThat(view.diffView().lineStyle(3)).containsExactly("diff-added");
        assertThat(label(robot, "#audit-diff-summary")).isEqualTo("setup script, round 1 \u2192 2: 1 line added, 0 removed.");

        // A task the creator remade under a new name is compared with its predecessor.
        assertThat(vm.diff().tasks()).containsExactly("total_s1", "wage_s1 \u2192 wage_s2");
        robot.interact(() -> vm.diff().taskProperty().set("wage_s1 \u2192 wage_s2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.diff().artefactProperty().get()).isEqualTo(Artefacts.INSTRUCTION);
        assertThat(view.diffView().text()).isEqualTo("- Find the top wage.\n+ Find the top wage in column C.");
        assertThat(robot.lookup("#audit-diff-task").queryAs(javafx.scene.control.ComboBox.class).getValue())
                .isEqualTo("wage_s1 \u2192 wage_s2");
        robot.interact(() -> vm.diff().taskProperty().set("total_s1"));

        // The checker did not change.
        robot.clickOn(Artefacts.CHECKER);
        waitFor(() -> Artefacts.CHECKER.equals(vm.diff().artefactProperty().get()));
        assertThat(label(robot, "#audit-diff-summary")).isEqualTo("checker.json: no change from round 1 to round 2.");
        assertThat(view.diffView().text()).contains("\"equals_number\"").doesNotContain("\n+ ").doesNotContain("\n- ");
    }

    @Test
    void tasksArePairedByNameThenInOrder() {
        Map<String, String[]> p = RoundDiffModel.pairs(List.of("a", "b_s1", "c_s1", "d"), List.of("a", "b_s2", "c_s2", "e", "f"));
        assertThat(p.keySet()).containsExactly("a", "b_s1 \u2192 b_s2", "c_s1 \u2192 c_s2", "d \u2192 e", "f (new)");
        assertThat(p.get("d \u2192 e")).containsExactly("d", "e");
        assertThat(p.get("f (new)")).containsExactly(null, "f");
        assertThat(RoundDiffModel.pairs(List.of("a", "b"), List.of("a")).keySet()).containsExactly("a", "b (gone)");
    }

    @Test
    void opensAnEnvironmentFromTheLiveViewOnItsLatestFailedRound(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(job, 0));
        JobPickerModel picker = vm.picker();
        waitFor(() -> vm.findings().roundProperty().get() != null && picker.itemProperty().get() != null
                && picker.itemProperty().get().index() == 0);
        assertThat(vm.findings().roundProperty().get().round()).isEqualTo(1);
        assertThat(vm.findings().findingProperty().get().verdict().item()).isEqualTo("oracle_solves");
        assertThat(label(robot, "#audit-status")).isEqualTo("gnumeric_j" + job + "_e1: 2 rounds, passed (audit passed in round 2).");

        robot.interact(() -> vm.open(job + 100, 0));
        waitFor(() -> vm.messageProperty().get().equals("No job " + (job + 100) + "."));
    }
}
