package org.envforge.views.audit;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.envforge.agent.TaskEvidence;
import org.envforge.verify.CheckResult;
import org.envforge.views.common.TaskRunner;

/**
 * The audit debugger's evidence tab for the chosen item: the start and end screenshots, the
 * probes before and after the oracle, the checker at both points, setup, oracle and round errors,
 * and notes on what the verdict rests on.
 */
public final class EvidenceModel {

    private final Function<String, Optional<byte[]>> blobs;
    private final Function<byte[], Image> decode;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Image> startShot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> endShot = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ProbeRow> probes = FXCollections.observableArrayList();
    private final ObservableList<ProbeRow> probesReadOnly = FXCollections.unmodifiableObservableList(probes);
    private final ReadOnlyStringWrapper checkAtStart = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checkAtEnd = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private long generation;

    /**
     * @param blobs a screenshot's PNG by its SHA-256
     * @param decode a PNG as an image (null when it cannot be read)
     */
    EvidenceModel(Function<String, Optional<byte[]>> blobs, Function<byte[], Image> decode, TaskRunner tasks) {
        this.blobs = blobs;
        this.decode = decode;
        this.tasks = tasks;
    }

    /** A PNG as a JavaFX image (any thread: an image is not part of the scene graph). */
    static Image png(byte[] bytes) {
        return new Image(new ByteArrayInputStream(bytes));
    }

    /** Shows the evidence of an item (null: none); its screenshots load in the background. */
    void show(Finding f) {
        long g = ++generation;
        TaskEvidence ev = f == null ? null : f.evidence();
        probes.setAll(ProbeRow.of(ev));
        checkAtStart.set(ev == null ? "" : check(ev.atStart()));
        checkAtEnd.set(ev == null ? "" : check(ev.atEnd()));
        errors.set(String.join("\n", errors(f)));
        notes.set(f == null ? "" : notes(f));
        startShot.set(null);
        endShot.set(null);
        if (ev != null) {
            load(ev.startShot(), startShot, g);
            load(ev.endShot(), endShot, g);
        }
    }

    private static List<String> errors(Finding f) {
        TaskEvidence ev = f == null ? null : f.evidence();
        List<String> out = new ArrayList<>();
        if (f != null && f.verdict().item().equals(Finding.ROUND_ERROR)) {
            out.add("Round error: " + f.verdict().reason());
        }
        if (ev != null && ev.setupError() != null) {
            out.add("Setup error: " + ev.setupError());
        }
        if (ev != null && ev.oracleError() != null) {
            out.add("Oracle error: " + ev.oracleError());
        }
        return out;
    }

    /** "FAIL: 0 of 1 condition hold", then one line per condition: probe, arguments, test, what it read (long values cut). */
    static String check(CheckResult r) {
        if (r == null) {
            return "not run";
        }
        long ok = r.conditions().stream().filter(CheckResult.ConditionResult::passed).count();
        StringBuilder sb = new StringBuilder(r.passed() ? "PASS: " : "FAIL: ").append(ok).append(" of ").append(r.conditions().size())
                .append(r.conditions().size() == 1 ? " condition" : " conditions").append(" hold");
        for (CheckResult.ConditionResult c : r.conditions()) {
            sb.append('\n').append(c.passed() ? "\u2713 " : "\u2717 ").append(c.condition().probe()).append(' ')
                    .append(c.condition().args()).append(' ').append(c.condition().op()).append(' ')
                    .append(cut(c.condition().expected() == null ? "" : c.condition().expected().isTextual()
                            ? "\"" + c.condition().expected().asText() + "\"" : c.condition().expected().toString()))
                    .append(" \u2192 read \"").append(cut(c.actual() == null ? "" : c.actual().strip())).append('"');
        }
        return sb.toString();
    }

    /** One line, at most 80 characters. */
    static String cut(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 79) + "\u2026" : one;
    }

    static String notes(Finding f) {
        TaskEvidence ev = f.evidence();
        List<String> out = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (String e : f.verdict().evidence()) {
            if (ev != null && e.equals(ev.startShot())) {
                refs.add("start screenshot");
            } else if (ev != null && e.equals(ev.endShot())) {
                refs.add("end screenshot");
            } else {
                refs.add(e);
            }
        }
        if (!refs.isEmpty()) {
            out.add("The verdict rests on: " + String.join(", ", refs) + ".");
        }
        if (ev != null) {
            out.add("Windows at the start: " + ev.windowsAtStartText());
            if (ev.ocrText() != null && !ev.ocrText().isBlank()) {
                String ocr = ev.ocrText().strip().replaceAll("\\s+", " ");
                out.add("OCR of the start screen: " + (ocr.length() > 400 ? ocr.substring(0, 400) + "\u2026" : ocr));
            }
            out.add(String.format(Locale.ROOT, "Evidence gathered in %.1f s.", ev.millis() / 1000.0));
        }
        return String.join("\n", out);
    }

    private void load(String sha, ReadOnlyObjectWrapper<Image> target, long g) {
        if (sha == null || sha.isEmpty()) {
            return;
        }
        tasks.run("load screenshot", () -> blobs.apply(sha).map(decode).orElse(null), img -> {
            if (g == generation) {
                target.set(img);
            }
        }, e -> { });
    }

    public ReadOnlyObjectProperty<Image> startShotProperty() {
        return startShot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> endShotProperty() {
        return endShot.getReadOnlyProperty();
    }

    public ObservableList<ProbeRow> probes() {
        return probesReadOnly;
    }

    public ReadOnlyStringProperty checkAtStartProperty() {
        return checkAtStart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkAtEndProperty() {
        return checkAtEnd.getReadOnlyProperty();
    }

    /** Round, setup and oracle errors, one a line; empty when there were none. */
    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }
}
