package org.envforge.views.audit;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.Image;
import org.envforge.views.common.TaskRunner;

/**
 * The audit debugger: pick a job and an environment ({@link JobPickerModel}), list its rounds and
 * a round's failed items ({@link FindingsModel}), show an item's evidence ({@link EvidenceModel}),
 * and diff a task's scripts and artefacts between two rounds ({@link RoundDiffModel}). This model
 * wires them: the chosen environment loads its rounds, the chosen round is compared with the one
 * before, the chosen item shows its evidence and its task in the diff.
 */
public final class AuditViewModel {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Pick a job and an environment.");
    private final JobPickerModel picker;
    private final FindingsModel findings;
    private final EvidenceModel evidence;
    private final RoundDiffModel diff;

    /**
     * @param blobs a screenshot's PNG by its SHA-256
     */
    public AuditViewModel(RoundSource source, Function<String, Optional<byte[]>> blobs, TaskRunner tasks) {
        this(source, blobs, EvidenceModel::png, tasks);
    }

    /** With the decoding of screenshots given (plain tests decode none: an image needs the JavaFX toolkit). */
    AuditViewModel(RoundSource source, Function<String, Optional<byte[]>> blobs, Function<byte[], Image> decode, TaskRunner tasks) {
        this.picker = new JobPickerModel(source, tasks, message::set);
        this.findings = new FindingsModel(source, tasks, message::set);
        this.evidence = new EvidenceModel(blobs, decode, tasks);
        this.diff = new RoundDiffModel(findings.rounds());
        picker.itemProperty().addListener((o, a, i) -> findings.load(i));
        // After the findings model's own listener: a round's items are chosen before it is compared.
        findings.roundProperty().addListener((o, a, r) -> diff.compare(r));
        findings.failuresOnlyProperty().addListener((o, a, b) -> diff.compare(findings.roundProperty().get()));
        findings.findingProperty().addListener((o, a, f) -> {
            evidence.show(f);
            diff.focus(f);
        });
    }

    /** Reloads the jobs, keeping the selected job and environment. */
    public void refresh() {
        picker.refresh();
    }

    /** Opens an environment of a job (from the live view), with its latest failed round. */
    public void open(long jobId, int index) {
        picker.open(jobId, index);
    }

    /** The toolbar: jobs and their environments. */
    public JobPickerModel picker() {
        return picker;
    }

    /** The rounds and the chosen round's items. */
    public FindingsModel findings() {
        return findings;
    }

    /** The chosen item's evidence. */
    public EvidenceModel evidence() {
        return evidence;
    }

    /** The diff between two rounds. */
    public RoundDiffModel diff() {
        return diff;
    }

    /** What the debugger is doing, or why it cannot. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
