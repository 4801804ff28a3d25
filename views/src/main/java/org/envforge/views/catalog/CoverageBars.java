package org.envforge.views.catalog;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.envforge.text.Formats;

/**
 * A horizontal bar chart of major-group coverage: one row per group with its name, a bar for the
 * share of the group's wage bill the selection carries, and the percentage. Uncovered groups are
 * marked.
 */
public final class CoverageBars extends GridPane {

    public CoverageBars() {
        getStyleClass().add("coverage-bars");
        setHgap(8);
        setVgap(3);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.setPrefWidth(190);
        name.setMaxWidth(230);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        bar.setMinWidth(80);
        ColumnConstraints value = new ColumnConstraints();
        value.setMinWidth(Region.USE_PREF_SIZE);
        value.setPrefWidth(86);
        getColumnConstraints().setAll(name, bar, value);
    }

    /** Replaces the rows with these groups (first group on top). */
    public void show(List<GroupShare> shares) {
        getChildren().clear();
        int row = 0;
        for (GroupShare g : shares) {
            Label name = new Label(g.code().substring(0, 2) + "  " + g.title());
            name.getStyleClass().add(Styles.TEXT_SMALL);
            name.setTooltip(new Tooltip(g.code() + " " + g.title()));
            name.setMaxWidth(230);

            Region fill = new Region();
            fill.getStyleClass().addAll("bar-fill", g.covered() ? "covered" : "uncovered");
            Pane track = new StackPane(fill);
            track.getStyleClass().add("bar-track");
            StackPane.setAlignment(fill, Pos.CENTER_LEFT);
            double share = Math.max(0, Math.min(1, g.share()));
            fill.maxWidthProperty().bind(track.widthProperty().multiply(share));
            fill.prefWidthProperty().bind(track.widthProperty().multiply(share));
            track.setMinHeight(12);
            track.setPrefHeight(14);
            track.setMaxHeight(14);

            Label value = new Label(g.covered() ? Formats.percent(g.share()) : "not covered");
            value.getStyleClass().addAll(Styles.TEXT_SMALL, g.covered() ? Styles.TEXT_MUTED : Styles.DANGER);
            value.setId("coverage-" + g.code().substring(0, 2));
            addRow(row++, name, track, value);
        }
    }
}
