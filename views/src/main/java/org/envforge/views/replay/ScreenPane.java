package org.envforge.views.replay;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * A step's screenshot scaled to fit (ratio kept, centred) with the action overlay on top, or a
 * placeholder text when there is no picture. The image and the overlay are placed from one
 * {@link ImageFit}, so the marks sit on the pixels they name at any size.
 */
final class ScreenPane extends Region {

    private final ImageView image = new ImageView();
    private final ActionOverlay overlay = new ActionOverlay();
    private final Label placeholder = new Label();
    private List<OverlayMark> marks = List.of();
    private ImageFit fit = ImageFit.EMPTY;

    ScreenPane() {
        getStyleClass().add("replay-screen");
        image.setId("replay-image");
        image.setSmooth(true);
        image.setPreserveRatio(false);
        image.setManaged(false);
        overlay.setId("replay-overlay");
        overlay.setManaged(false);
        placeholder.setId("replay-placeholder");
        placeholder.getStyleClass().add("replay-placeholder");
        placeholder.setWrapText(true);
        placeholder.setManaged(false);
        getChildren().addAll(image, overlay, placeholder);
        setPadding(new Insets(8));
        setMinSize(160, 120);
        image.imageProperty().addListener((o, a, b) -> requestLayout());
        placeholder.textProperty().addListener((o, a, b) -> requestLayout());
    }

    void setImage(Image img) {
        image.setImage(img);
    }

    void setMarks(List<OverlayMark> m) {
        marks = m == null ? List.of() : m;
        requestLayout();
    }

    /** A message over the picture (or in its place); empty hides it. */
    void setMessage(String text) {
        placeholder.setText(text == null ? "" : text);
        placeholder.setVisible(text != null && !text.isEmpty());
    }

    ImageView imageView() {
        return image;
    }

    ActionOverlay overlay() {
        return overlay;
    }

    Label placeholder() {
        return placeholder;
    }

    /** Where the picture is shown, in this pane's coordinates. */
    ImageFit fit() {
        return fit;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double bw = getWidth() - in.getLeft() - in.getRight();
        double bh = getHeight() - in.getTop() - in.getBottom();
        Image img = image.getImage();
        fit = img == null ? ImageFit.EMPTY : ImageFit.contain(img.getWidth(), img.getHeight(), in.getLeft(), in.getTop(), bw, bh);
        if (fit.isEmpty()) {
            image.setVisible(false);
        } else {
            image.setVisible(true);
            image.setFitWidth(fit.width());
            image.setFitHeight(fit.height());
            image.relocate(fit.x(), fit.y());
        }
        overlay.resizeRelocate(0, 0, getWidth(), getHeight());
        overlay.show(fit.isEmpty() ? List.of() : marks, fit, img == null ? 0 : (int) img.getWidth(),
                img == null ? 0 : (int) img.getHeight());
        overlay.layout();
        double pw = Math.min(placeholder.prefWidth(-1), Math.max(40, bw - 40));
        double ph = placeholder.prefHeight(pw);
        placeholder.resizeRelocate(Math.round(in.getLeft() + (bw - pw) / 2), Math.round(in.getTop() + (bh - ph) / 2), pw, ph);
    }
}
