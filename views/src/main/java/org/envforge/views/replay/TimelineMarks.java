package org.envforge.views.replay;

import java.util.function.IntConsumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A thin bar under the scrubber with a tick for every failed step (danger colour) and every tagged
 * step (accent colour), and the current step; a click jumps there. One canvas, however many steps.
 * The colours come from replay.css through two hidden labels' text fill, so they follow the theme.
 */
final class TimelineMarks extends Region {

    /** The slider track starts about this far in from the slider's edges. */
    static final double INSET = 8;

    private final ObservableList<StepRow> rows;
    private final Canvas canvas = new Canvas();
    private final Label failedColour = colour("replay-timeline-failed", Color.web("#cf222e"));
    private final Label taggedColour = colour("replay-timeline-tagged", Color.web("#218bff"));
    private final Label currentColour = colour("replay-timeline-current", Color.web("#8b949e"));
    private int current = -1;
    private boolean dirty = true;

    TimelineMarks(ObservableList<StepRow> rows, IntConsumer jump) {
        this.rows = rows;
        getStyleClass().add("replay-timeline-marks");
        getChildren().addAll(canvas, failedColour, taggedColour, currentColour);
        setMinHeight(8);
        setPrefHeight(8);
        setMaxHeight(8);
        rows.addListener((ListChangeListener<StepRow>) c -> redrawLater());
        for (Label l : new Label[] {failedColour, taggedColour, currentColour}) {
            l.textFillProperty().addListener((o, a, b) -> redrawLater());
        }
        setOnMouseClicked(e -> {
            int n = rows.size();
            double w = getWidth() - 2 * INSET;
            if (n > 0 && w > 0) {
                jump.accept((int) Math.max(0, Math.min(n - 1, Math.round((e.getX() - INSET) / w * (n - 1)))));
            }
        });
    }

    private static Label colour(String style, Color fallback) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setTextFill(fallback);
        l.setManaged(false);
        l.setVisible(false);
        return l;
    }

    void setCurrent(int index) {
        if (index != current) {
            current = index;
            redrawLater();
        }
    }

    private void redrawLater() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        int n = rows.size();
        double track = w - 2 * INSET;
        if (n == 0 || track <= 0) {
            return;
        }
        Paint failed = failedColour.getTextFill();
        Paint tagged = taggedColour.getTextFill();
        double tick = Math.max(1.5, track / n);
        // Tagged first, failed on top: a failure is what the eye should find.
        for (int pass = 0; pass < 2; pass++) {
            g.setFill(pass == 0 ? tagged : failed);
            double lastX = -10;
            for (int i = 0; i < n; i++) {
                StepRow r = rows.get(i);
                if (pass == 0 ? r.tagged() : r.failed()) {
                    double x = centre(i, n, track) - tick / 2;
                    if (x - lastX >= 1) {
                        g.fillRect(x, pass == 0 ? 0 : h / 2, tick, pass == 0 ? h / 2 : h / 2);
                        lastX = x;
                    }
                }
            }
        }
        if (current >= 0 && current < n) {
            g.setFill(currentColour.getTextFill());
            double cw = Math.max(2, tick);
            g.fillRect(centre(current, n, track) - cw / 2, 0, cw, h);
        }
    }

    /** Where the slider's thumb centre is for step i of n. */
    private static double centre(int i, int n, double track) {
        return INSET + (n > 1 ? (double) i / (n - 1) : 0.5) * track;
    }
}
