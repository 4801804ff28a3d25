package org.envforge.views.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.envforge.action.Action;

/**
 * Draws a step's actions over its screenshot: click rings with a crosshair, drag paths with an
 * arrow, scroll arrows, typed text as a caption, keys as key caps, a done or gave-up badge. Sizes
 * are in view units (they do not shrink with the picture); positions come from the {@link ImageFit}
 * the screen uses for its image. Every mark is a light shape node styled by replay.css (with
 * defaults here, so it is visible without the style sheet).
 */
public final class ActionOverlay extends Pane {

    static final double RING = 13;
    private static final Color HALO = Color.rgb(0, 0, 0, 0.55);

    private List<OverlayMark> marks = List.of();
    private ImageFit fit = ImageFit.EMPTY;
    private int imageWidth;
    private int imageHeight;
    private final List<Runnable> placements = new ArrayList<>();

    public ActionOverlay() {
        getStyleClass().add("replay-overlay");
        setMouseTransparent(true);
        setPickOnBounds(false);
    }

    /** Shows marks for a picture of {@code width x height} screen pixels placed by {@code fit}. */
    public void show(List<OverlayMark> marks, ImageFit fit, int width, int height) {
        if (marks.equals(this.marks) && fit.equals(this.fit) && width == imageWidth && height == imageHeight) {
            return;
        }
        this.marks = List.copyOf(marks);
        this.fit = fit;
        this.imageWidth = width;
        this.imageHeight = height;
        redraw();
    }

    public List<OverlayMark> marks() {
        return marks;
    }

    public ImageFit fit() {
        return fit;
    }

    private void redraw() {
        getChildren().clear();
        placements.clear();
        if (fit.isEmpty()) {
            return;
        }
        int keys = 0;
        for (OverlayMark m : marks) {
            if (m instanceof OverlayMark.Click c) {
                click(c);
            } else if (m instanceof OverlayMark.Move mv) {
                move(mv);
            } else if (m instanceof OverlayMark.Drag d) {
                drag(d);
            } else if (m instanceof OverlayMark.Scroll s) {
                scroll(s);
            } else if (m instanceof OverlayMark.Typed t) {
                typed(t);
            } else if (m instanceof OverlayMark.Keys k) {
                keyCap(k, keys++);
            } else if (m instanceof OverlayMark.End e) {
                end(e);
            }
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        placements.forEach(Runnable::run);
    }

    // Marks --------------------------------------------------------------------------------------

    private void click(OverlayMark.Click c) {
        double x = fit.viewX(c.x());
        double y = fit.viewY(c.y());
        boolean right = c.button() == Action.Button.RIGHT;
        String kind = right ? "replay-right-click" : c.count() > 1 ? "replay-double-click" : "replay-left-click";
        for (int i = 0; i < c.count(); i++) {
            double r = RING + i * 6;
            add(halo(new Circle(x, y, r), 5));
            Circle ring = stroke(new Circle(x, y, r), "replay-click-ring", right ? Color.web("#e3b341") : Color.web("#388bfd"), 2.5);
            ring.getStyleClass().add(kind);
            add(ring);
        }
        double g = 4;
        double l = RING + 7;
        for (double[] seg : new double[][] {{x - l, y, x - g, y}, {x + g, y, x + l, y}, {x, y - l, x, y - g}, {x, y + g, x, y + l}}) {
            add(halo(new Line(seg[0], seg[1], seg[2], seg[3]), 3.5));
            add(stroke(new Line(seg[0], seg[1], seg[2], seg[3]), "replay-crosshair", Color.WHITE, 1.3));
        }
        Circle dot = new Circle(x, y, 1.8, right ? Color.web("#e3b341") : Color.web("#388bfd"));
        dot.getStyleClass().addAll("replay-mark", "replay-click-dot", kind);
        add(dot);
        String what = (right ? "right" : c.button() == Action.Button.MIDDLE ? "middle" : "")
                + (c.count() == 2 ? (right ? " \u00d72" : "double") : c.count() == 3 ? (right ? " \u00d73" : "triple") : "");
        if (!what.isBlank()) {
            Label tag = label(what.strip(), "replay-click-kind");
            tag.getStyleClass().add(kind);
            double r = RING + (c.count() - 1) * 6;
            placements.add(() -> place(tag, x + r * 0.7 + 2, y - r * 0.7 - tag.getHeight()));
        }
    }

    private void move(OverlayMark.Move m) {
        double x = fit.viewX(m.x());
        double y = fit.viewY(m.y());
        add(halo(new Circle(x, y, 7), 4));
        Circle ring = stroke(new Circle(x, y, 7), "replay-move-ring", Color.web("#79c0ff"), 2);
        ring.getStrokeDashArray().setAll(3.0, 3.0);
        add(ring);
    }

    private void drag(OverlayMark.Drag d) {
        List<Action.Point> path = d.path();
        Action.Point last = path.get(path.size() - 1);
        double ex = fit.viewX(last.x());
        double ey = fit.viewY(last.y());
        if (path.size() == 1) {
            add(halo(new Circle(ex, ey, RING), 5));
            add(stroke(new Circle(ex, ey, RING), "replay-drag-path", Color.web("#3fb950"), 2.5));
            arrow(ex - 40, ey - 40, ex - RING * 0.7, ey - RING * 0.7, "replay-drag-path");
            return;
        }
        double[] pts = new double[path.size() * 2];
        for (int i = 0; i < path.size(); i++) {
            pts[2 * i] = fit.viewX(path.get(i).x());
            pts[2 * i + 1] = fit.viewY(path.get(i).y());
        }
        Polyline halo = halo(new Polyline(pts), 6);
        add(halo);
        Polyline line = stroke(new Polyline(pts), "replay-drag-path", Color.web("#3fb950"), 3);
        line.setStrokeLineJoin(StrokeLineJoin.ROUND);
        add(line);
        Circle start = new Circle(pts[0], pts[1], 4.5, Color.web("#3fb950"));
        start.setStroke(HALO);
        start.getStyleClass().addAll("replay-mark", "replay-drag-start");
        add(start);
        // The arrow follows the last segment that has a length.
        int k = path.size() - 2;
        while (k > 0 && pts[2 * k] == ex && pts[2 * k + 1] == ey) {
            k--;
        }
        arrowHead(pts[2 * k], pts[2 * k + 1], ex, ey, "replay-drag-path");
    }

    private void scroll(OverlayMark.Scroll s) {
        double x = s.at() == null ? fit.x() + fit.width() / 2 : fit.viewX(s.at().x());
        double y = s.at() == null ? fit.y() + fit.height() / 2 : fit.viewY(s.at().y());
        double len = 34;
        double dx = Math.signum(s.dx());
        double dy = Math.signum(s.dy());
        if (dx == 0 && dy == 0) {
            dy = 1;
        }
        double norm = Math.hypot(dx, dy);
        double tx = x + dx / norm * len;
        double ty = y + dy / norm * len;
        Circle origin = new Circle(x, y, 4, Color.web("#58a6ff"));
        origin.setStroke(HALO);
        origin.getStyleClass().addAll("replay-mark", "replay-scroll-origin");
        add(origin);
        arrow(x, y, tx, ty, "replay-scroll-arrow");
        String text = "scroll" + (s.dy() > 0 ? " \u2193" + s.dy() : s.dy() < 0 ? " \u2191" + -s.dy() : "")
                + (s.dx() > 0 ? " \u2192" + s.dx() : s.dx() < 0 ? " \u2190" + -s.dx() : "");
        Label l = label(text, "replay-scroll-label");
        placements.add(() -> place(l, x + 10, y - l.getHeight() - 6));
    }

    private void typed(OverlayMark.Typed t) {
        Label l = label("\u2328  " + t.text(), "replay-type-caption");
        l.setMaxWidth(Math.max(120, fit.width() * 0.8));
        if (t.near() == null) {
            placements.add(() -> place(l, fit.x() + (fit.width() - l.getWidth()) / 2, fit.y() + fit.height() - l.getHeight() - 12));
        } else {
            double x = fit.viewX(t.near().x());
            double y = fit.viewY(t.near().y());
            placements.add(() -> {
                double top = y + RING + 10;
                if (top + l.getHeight() > fit.y() + fit.height()) {
                    top = y - RING - 10 - l.getHeight();
                }
                place(l, x - 12, top);
            });
        }
    }

    private void keyCap(OverlayMark.Keys k, int row) {
        Label l = label(k.label(), "replay-key-cap");
        placements.add(() -> place(l, fit.x() + 10, fit.y() + 10 + row * (l.getHeight() + 6)));
    }

    private void end(OverlayMark.End e) {
        Label l = label(e.done() ? "\u2713 DONE" : "\u2717 GAVE UP", "replay-end-badge");
        l.getStyleClass().add(e.done() ? "replay-end-done" : "replay-end-fail");
        placements.add(() -> place(l, fit.x() + fit.width() - l.getWidth() - 10, fit.y() + 10));
    }

    // Drawing helpers ----------------------------------------------------------------------------

    private void arrow(double x0, double y0, double x1, double y1, String style) {
        add(halo(new Line(x0, y0, x1, y1), 6));
        add(stroke(new Line(x0, y0, x1, y1), style, Color.web("#58a6ff"), 3));
        arrowHead(x0, y0, x1, y1, style);
    }

    private void arrowHead(double x0, double y0, double x1, double y1, String style) {
        double a = Math.atan2(y1 - y0, x1 - x0);
        double len = 13;
        double spread = Math.toRadians(26);
        Polygon head = new Polygon(x1, y1, x1 - len * Math.cos(a - spread), y1 - len * Math.sin(a - spread),
                x1 - len * Math.cos(a + spread), y1 - len * Math.sin(a + spread));
        head.setFill(style.equals("replay-drag-path") ? Color.web("#3fb950") : Color.web("#58a6ff"));
        head.setStroke(HALO);
        head.setStrokeWidth(1.2);
        head.getStyleClass().addAll("replay-mark", "replay-arrow-head", style);
        add(head);
    }

    private static <S extends Shape> S halo(S s, double width) {
        s.setFill(null);
        s.setStroke(HALO);
        s.setStrokeWidth(width);
        s.setStrokeLineCap(StrokeLineCap.ROUND);
        s.getStyleClass().add("replay-mark-halo");
        return s;
    }

    private static <S extends Shape> S stroke(S s, String style, Color color, double width) {
        s.setFill(null);
        s.setStroke(color);
        s.setStrokeWidth(width);
        s.setStrokeLineCap(StrokeLineCap.ROUND);
        s.getStyleClass().addAll("replay-mark", style);
        return s;
    }

    private Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("replay-mark-label", style);
        // Defaults for when replay.css is not loaded; the style sheet overrides them.
        l.setTextFill(Color.BLACK);
        l.setBackground(new Background(new BackgroundFill(Color.rgb(255, 255, 255, 0.92), new CornerRadii(4), Insets.EMPTY)));
        l.setPadding(new Insets(2, 6, 2, 6));
        add(l);
        if (getScene() != null) {
            l.applyCss();
        }
        return l;
    }

    /** Places a label at (x, y), kept on the picture. */
    private void place(Label l, double x, double y) {
        double w = l.prefWidth(-1);
        double h = l.prefHeight(w);
        l.resize(Math.min(w, Math.max(1, fit.width() - 4)), h);
        double cx = Math.max(fit.x() + 2, Math.min(x, fit.x() + fit.width() - l.getWidth() - 2));
        double cy = Math.max(fit.y() + 2, Math.min(y, fit.y() + fit.height() - l.getHeight() - 2));
        l.relocate(cx, cy);
    }

    private void add(Node n) {
        n.setManaged(n instanceof Label);
        getChildren().add(n);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ActionOverlay[%d marks, scale %.3f]", marks.size(), fit.scale());
    }
}
