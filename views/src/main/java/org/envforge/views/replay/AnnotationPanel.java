package org.envforge.views.replay;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryVerdict;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The right side of the Replay view: the current step (tags, note, what the agent said and did,
 * its error) and the trajectory (verification, verdict, test-time audit).
 */
final class AnnotationPanel extends ScrollPane {

    private final ReplayViewModel vm;
    private final Label stepTitle = new Label();
    private final FlowPane tags = new FlowPane(5, 5);
    private final Map<String, ToggleButton> common = new LinkedHashMap<>();
    private final List<ToggleButton> extra = new ArrayList<>();
    private final TextField freeTag = new TextField();
    private final TextArea note = new TextArea();
    private final Label response = new Label();
    private final Label action = new Label();
    private final TextArea nativeText = new TextArea();
    private final TitledPane nativePane = new TitledPane("As recorded", nativeText);
    private final Label error = new Label();
    private final Label instruction = new Label();
    private final Label verification = new Label();
    private final ToggleGroup verdicts = new ToggleGroup();
    private final Map<TrajectoryVerdict, ToggleButton> verdictButtons = new LinkedHashMap<>();
    private final TextField verdictNote = new TextField();
    private final Label auditSummary = new Label();
    private final VBox auditFindings = new VBox(3);
    private final Label auditFeedback = new Label();
    private boolean syncing;

    AnnotationPanel(ReplayViewModel vm) {
        this.vm = vm;
        getStyleClass().add("replay-annotations");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinWidth(260);
        VBox step = stepSection();
        VBox run = trajectorySection();
        VBox box = new VBox(10, step, new Separator(), run);
        box.setPadding(new Insets(12));
        setContent(box);
        step.disableProperty().bind(vm.currentProperty().isNull());
        run.disableProperty().bind(vm.trajectoryProperty().isNull());
        vm.currentProperty().addListener((o, a, b) -> showStep(b));
        vm.trajectoryProperty().addListener((o, a, b) -> showTrajectory(b));
        vm.doneAudit().auditProperty().addListener((o, a, b) -> showAudit(b));
        showStep(null);
        showTrajectory(null);
        showAudit(null);
    }

    // The step -----------------------------------------------------------------------------------

    private VBox stepSection() {
        stepTitle.setId("replay-step-title");
        stepTitle.getStyleClass().addAll(Styles.TITLE_4, "replay-section-title");
        tags.setId("replay-tags");
        for (String t : StepAnnotation.COMMON_TAGS) {
            ToggleButton b = tagToggle(t);
            common.put(t, b);
            tags.getChildren().add(b);
        }
        freeTag.setId("replay-free-tag");
        freeTag.setPromptText("another tag");
        HBox.setHgrow(freeTag, Priority.ALWAYS);
        Button add = new Button("Add", new FontIcon(Feather.PLUS));
        add.setId("replay-add-tag");
        add.setOnAction(e -> addFreeTag());
        freeTag.setOnAction(e -> addFreeTag());
        add.disableProperty().bind(freeTag.textProperty().isEmpty());
        HBox freeRow = new HBox(6, freeTag, add);
        freeRow.setAlignment(Pos.CENTER_LEFT);

        note.setId("replay-note");
        note.setPromptText("What went right or wrong in this step");
        note.setWrapText(true);
        note.setPrefRowCount(3);
        note.textProperty().bindBidirectional(vm.annotations().noteProperty());
        note.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.annotations().saveNote();
            }
        });
        Button saveNote = new Button("Save note", new FontIcon(Feather.SAVE));
        saveNote.setId("replay-save-note");
        saveNote.setOnAction(e -> vm.annotations().saveNote());

        response.setId("replay-response");
        response.setWrapText(true);
        response.getStyleClass().add("replay-response");
        action.setId("replay-action");
        action.setWrapText(true);
        action.getStyleClass().add("replay-action-text");
        nativeText.setId("replay-native");
        nativeText.setEditable(false);
        nativeText.setWrapText(true);
        nativeText.setPrefRowCount(4);
        nativeText.getStyleClass().add("replay-native");
        nativePane.setExpanded(false);
        nativePane.setAnimated(false);
        error.setId("replay-error");
        error.setWrapText(true);
        error.getStyleClass().addAll(Styles.DANGER, "replay-error");
        error.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));

        return new VBox(8, stepTitle, section("Tags"), tags, freeRow, section("Note"), note, saveNote, error, section("Agent said"),
                response, section("Action"), action, nativePane);
    }

    private ToggleButton tagToggle(String tag) {
        ToggleButton b = new ToggleButton(tag);
        b.setId("replay-tag-" + tag.replaceAll("[^A-Za-z0-9_-]", "_"));
        b.getStyleClass().addAll(Styles.SMALL, "replay-tag-toggle");
        b.selectedProperty().addListener((o, was, is) -> {
            if (!syncing) {
                vm.annotations().setTag(tag, is);
            }
        });
        return b;
    }

    private void addFreeTag() {
        String t = freeTag.getText() == null ? "" : freeTag.getText().strip();
        if (!t.isEmpty()) {
            vm.annotations().addTag(t);
            freeTag.clear();
        }
    }

    private void showStep(StepRow r) {
        syncing = true;
        try {
            Set<String> on = r == null ? Set.of() : r.tags();
            common.forEach((t, b) -> b.setSelected(on.contains(t)));
            tags.getChildren().removeAll(extra);
            extra.clear();
            for (String t : new TreeSet<>(on)) {
                if (!common.containsKey(t)) {
                    ToggleButton b = tagToggle(t);
                    b.setSelected(true);
                    extra.add(b);
                }
            }
            tags.getChildren().addAll(extra);
        } finally {
            syncing = false;
        }
        if (r == null) {
            stepTitle.setText("No step");
            response.setText("");
            action.setText("");
            nativeText.setText("");
            show(error, false);
            return;
        }
        Step s = r.step();
        int position = vm.positionOf(r);
        stepTitle.setText(String.format(Locale.ROOT, "Step %d  (%,d of %,d)", s.index(), position + 1, vm.steps().size())
                + (s.done() ? s.saidDone() ? " \u2014 said done" : " \u2014 gave up" : "")
                + (s.reward() != null ? String.format(Locale.ROOT, " \u2014 reward %.2f", s.reward()) : ""));
        boolean said = s.response() != null && !s.response().isBlank();
        response.setText(said ? s.response().strip() : "(nothing)");
        response.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), !said);
        String text = StepCell.text(r);
        action.setText(s.actions().isEmpty() ? text + "\nEnvForge could not parse this action; nothing is drawn. The recorded form is "
                + "below." : text);
        nativeText.setText(s.nativeJson() == null ? "(no recorded form)" : s.nativeJson());
        nativePane.setExpanded(s.actions().isEmpty() && s.nativeJson() != null);
        error.setText(r.failed() ? s.error().strip() : "");
        show(error, r.failed());
    }

    // The trajectory -----------------------------------------------------------------------------

    private VBox trajectorySection() {
        Label title = new Label("Trajectory");
        title.getStyleClass().addAll(Styles.TITLE_4, "replay-section-title");
        instruction.setId("replay-instruction");
        instruction.setWrapText(true);
        instruction.getStyleClass().add("replay-instruction");
        verification.setId("replay-verification");
        verification.setWrapText(true);
        verification.getStyleClass().add(Styles.TEXT_MUTED);

        HBox verdictRow = new HBox(0);
        verdictRow.getStyleClass().add("replay-verdicts");
        for (TrajectoryVerdict v : TrajectoryVerdict.values()) {
            String name = v.name().toLowerCase(Locale.ROOT);
            ToggleButton b = new ToggleButton(name, new FontIcon(switch (v) {
                case GOOD -> Feather.THUMBS_UP;
                case BAD -> Feather.THUMBS_DOWN;
                case UNSURE -> Feather.HELP_CIRCLE;
            }));
            b.setId("replay-verdict-" + name);
            b.setToggleGroup(verdicts);
            b.getStyleClass().add("replay-verdict-" + name);
            b.getStyleClass().add(v == TrajectoryVerdict.GOOD ? Styles.LEFT_PILL
                    : v == TrajectoryVerdict.UNSURE ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            verdictButtons.put(v, b);
            verdictRow.getChildren().add(b);
        }
        verdicts.selectedToggleProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.annotations().saveVerdict(selectedVerdict(), verdictNote.getText());
            }
        });
        verdictNote.setId("replay-verdict-note");
        verdictNote.setPromptText("why (kept with the verdict)");
        verdictNote.setOnAction(e -> vm.annotations().saveVerdict(selectedVerdict(), verdictNote.getText()));
        HBox.setHgrow(verdictNote, Priority.ALWAYS);
        Button saveVerdict = new Button("Save", new FontIcon(Feather.SAVE));
        saveVerdict.setId("replay-save-verdict");
        saveVerdict.setOnAction(e -> vm.annotations().saveVerdict(selectedVerdict(), verdictNote.getText()));
        HBox noteRow = new HBox(6, verdictNote, saveVerdict);
        noteRow.setAlignment(Pos.CENTER_LEFT);

        auditSummary.setId("replay-audit-summary");
        auditSummary.setWrapText(true);
        auditSummary.getStyleClass().add("replay-audit-summary");
        auditFindings.setId("replay-audit-findings");
        auditFeedback.setId("replay-audit-feedback");
        auditFeedback.setWrapText(true);
        auditFeedback.getStyleClass().add(Styles.TEXT_MUTED);
        Button audit = new Button("Audit done", new FontIcon(Feather.SHIELD));
        audit.setId("replay-audit");
        audit.disableProperty().bind(vm.doneAudit().auditingProperty().or(vm.trajectoryProperty().isNull()));
        audit.setOnAction(e -> vm.doneAudit().auditDone());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.doneAudit().auditingProperty());
        spinner.managedProperty().bind(vm.doneAudit().auditingProperty());
        Label auditMessage = new Label();
        auditMessage.setId("replay-audit-message");
        auditMessage.setWrapText(true);
        auditMessage.getStyleClass().add(Styles.TEXT_MUTED);
        auditMessage.textProperty().bind(vm.doneAudit().messageProperty());
        HBox auditRow = new HBox(8, audit, spinner);
        auditRow.setAlignment(Pos.CENTER_LEFT);

        return new VBox(8, title, instruction, verification, section("Verdict"), verdictRow, noteRow, section("Test-time audit"),
                auditSummary, auditFindings, auditFeedback, auditRow, auditMessage);
    }

    private TrajectoryVerdict selectedVerdict() {
        return verdictButtons.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    private void showTrajectory(Trajectory t) {
        syncing = true;
        try {
            verdicts.selectToggle(t == null || t.verdict() == null ? null : verdictButtons.get(t.verdict()));
            verdictNote.setText(t == null || t.verdictNote() == null ? "" : t.verdictNote());
        } finally {
            syncing = false;
        }
        if (t == null) {
            instruction.setText("");
            verification.setText("");
            return;
        }
        instruction.setText(t.instruction() == null || t.instruction().isBlank() ? TrajectoryTable.task(t) : t.instruction().strip());
        verification.setText("#" + t.id() + " \u00b7 " + t.agent() + " \u00b7 " + t.source() + " \u00b7 "
                + AuditSummary.verification(t));
    }

    private void showAudit(TestTimeAudit a) {
        auditFindings.getChildren().clear();
        auditSummary.getStyleClass().removeIf(c -> c.startsWith("replay-solved-"));
        if (a == null) {
            auditSummary.setText("Not audited yet. \u201cAudit done\u201d checks whether the task is really solved.");
            auditFeedback.setText("");
            return;
        }
        auditSummary.setText(AuditSummary.headline(a));
        auditSummary.getStyleClass().add("replay-solved-" + (a.solved() == null ? "unknown"
                : a.solved().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        for (TestTimeAudit.Finding f : a.findings()) {
            Label l = new Label(AuditSummary.finding(f));
            l.setWrapText(true);
            l.getStyleClass().addAll("replay-finding", "replay-finding-" + f.outcome().name().toLowerCase(Locale.ROOT));
            l.setGraphic(new FontIcon(switch (f.outcome()) {
                case PASS -> Feather.CHECK;
                case FAIL -> Feather.X;
                case UNKNOWN -> Feather.HELP_CIRCLE;
            }));
            auditFindings.getChildren().add(l);
        }
        auditFeedback.setText(a.feedback() == null || a.feedback().isBlank() ? "" : "Feedback for the agent: " + a.feedback());
    }

    // Helpers ------------------------------------------------------------------------------------

    private static Label section(String text) {
        Label l = org.envforge.views.common.Parts.section(text);
        l.getStyleClass().add("replay-section");
        return l;
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    TextArea note() {
        return note;
    }
}
