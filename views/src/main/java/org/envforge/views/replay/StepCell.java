package org.envforge.views.replay;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A row of the step list: index, what the agent did, an error marker and the step's tags. Its nodes are made once and reused. */
final class StepCell extends ListCell<StepRow> {

    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    static final PseudoClass TAGGED = PseudoClass.getPseudoClass("tagged");
    private static final int MAX_CHIPS = 3;

    private final Label index = new Label();
    private final FontIcon error = new FontIcon(Feather.ALERT_TRIANGLE);
    private final Label action = new Label();
    private final HBox chips = new HBox(3);
    private final HBox box = new HBox(6, index, error, action, chips);
    private final Tooltip tip = new Tooltip();

    StepCell() {
        getStyleClass().add("replay-step-cell");
        index.getStyleClass().add("replay-step-index");
        index.setMinWidth(44);
        index.setAlignment(Pos.CENTER_RIGHT);
        error.getStyleClass().add("replay-step-error-icon");
        action.getStyleClass().add("replay-step-action");
        action.setTextOverrun(OverrunStyle.ELLIPSIS);
        action.setMaxWidth(Double.MAX_VALUE);
        action.setMinWidth(40);
        HBox.setHgrow(action, Priority.ALWAYS);
        chips.setAlignment(Pos.CENTER_RIGHT);
        chips.setMinWidth(HBox.USE_PREF_SIZE);
        box.setAlignment(Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(StepRow r, boolean empty) {
        super.updateItem(r, empty);
        pseudoClassStateChanged(FAILED, !empty && r != null && r.failed());
        pseudoClassStateChanged(TAGGED, !empty && r != null && r.tagged());
        if (empty || r == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        index.setText(String.valueOf(r.index()));
        error.setVisible(r.failed());
        error.setManaged(r.failed());
        action.setText(text(r));
        List<String> tags = r.tags().stream().sorted().toList();
        chips.getChildren().clear();
        for (int i = 0; i < tags.size() && i < MAX_CHIPS; i++) {
            Label chip = new Label(tags.get(i));
            chip.getStyleClass().add("replay-tag-chip");
            chips.getChildren().add(chip);
        }
        if (tags.size() > MAX_CHIPS) {
            Label more = new Label("+" + (tags.size() - MAX_CHIPS));
            more.getStyleClass().addAll("replay-tag-chip", "replay-tag-more");
            chips.getChildren().add(more);
        }
        tip.setText(action.getText() + (r.failed() ? "\nerror: " + r.step().error() : "") + (r.note().isEmpty() ? "" : "\nnote: "
                + r.note()));
        setTooltip(tip);
        setGraphic(box);
    }

    /** The step's action text; the native text for steps whose actions were not parsed. */
    static String text(StepRow r) {
        String t = r.step().actionText();
        if (t != null && !t.isBlank()) {
            return t.replace('\n', ' ');
        }
        if (r.step().nativeJson() != null && !r.step().nativeJson().isBlank()) {
            String n = r.step().nativeJson().replaceAll("\\s+", " ").strip();
            return "(unparsed) " + (n.length() > 120 ? n.substring(0, 119) + "\u2026" : n);
        }
        return r.step().actions().isEmpty() ? "(no action)" : "";
    }
}
