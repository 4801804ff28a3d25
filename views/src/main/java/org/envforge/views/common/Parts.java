package org.envforge.views.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.envforge.text.Clip;

/** Small pieces every view builds the same way: section titles, key/value facts, the status bar and its text. */
public final class Parts {

    private Parts() {
    }

    /** A bold section title. */
    public static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    /** A row of a facts grid: a muted key and a wrapping value (an empty one for null). */
    public static void fact(GridPane g, int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value == null ? "" : value);
        v.setWrapText(true);
        g.addRow(row, k, v);
    }

    /** Runs {@code action} each time the node is put on screen (a page shown again): fresh data, not stale. */
    public static void onShown(Node node, Runnable action) {
        node.parentProperty().addListener((o, a, p) -> {
            if (p != null) {
                action.run();
            }
        });
    }

    /**
     * A status bar's text: one line of at most {@link Clip#LINE} characters, sanitised (a message
     * may quote megabytes of what a sandbox printed, terminal escapes and all), with the message
     * clipped to a reason's size in a tooltip when the line had to be cut; styled as danger while
     * {@code error} holds (null: never).
     */
    public static Label statusText(String id, ObservableValue<String> text, ObservableValue<Boolean> error) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.createStringBinding(() -> text.getValue() == null ? "" : Clip.line(text.getValue(), Clip.LINE),
                text));
        l.textProperty().addListener((o, a, shown) -> {
            String whole = text.getValue() == null ? "" : Clip.text(text.getValue().strip(), Clip.REASON);
            l.setTooltip(whole.equals(shown) ? null : new Tooltip(whole));
        });
        if (error != null) {
            l.pseudoClassStateChanged(Styles.STATE_DANGER, Boolean.TRUE.equals(error.getValue()));
            error.addListener((o, a, e) -> l.pseudoClassStateChanged(Styles.STATE_DANGER, Boolean.TRUE.equals(e)));
        }
        return l;
    }

    /** The bar along a view's bottom edge, holding these items from left to right. */
    public static HBox statusBar(Node... items) {
        HBox bar = new HBox(12, items);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
