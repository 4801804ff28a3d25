package org.envforge.views.replay;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A filmstrip frame: the step's thumbnail, asked for only when the cell has shown the same step for
 * a moment (a fast scroll through ten thousand steps asks for none of the frames it flies past),
 * and dropped when it arrives for a step the cell no longer shows.
 */
final class ThumbnailCell extends ListCell<StepRow> {

    static final double WIDTH = FrameModel.THUMB_WIDTH;
    static final double HEIGHT = 76;
    private static final Duration SETTLE = Duration.millis(60);

    private final ReplayViewModel vm;
    private final ImageView view = new ImageView();
    private final Label missing = new Label();
    private final Label index = new Label();
    private final FontIcon error = new FontIcon(Feather.ALERT_TRIANGLE);
    private final FontIcon tag = new FontIcon(Feather.TAG);
    private final VBox box;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private StepRow shown;

    ThumbnailCell(ReplayViewModel vm) {
        this.vm = vm;
        getStyleClass().add("replay-thumb-cell");
        view.setFitWidth(WIDTH);
        view.setFitHeight(HEIGHT);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        missing.getStyleClass().add("replay-thumb-missing");
        StackPane frame = new StackPane(missing, view);
        frame.getStyleClass().add("replay-thumb-frame");
        frame.setMinSize(WIDTH, HEIGHT);
        frame.setPrefSize(WIDTH, HEIGHT);
        frame.setMaxSize(WIDTH, HEIGHT);
        index.getStyleClass().add("replay-thumb-index");
        error.getStyleClass().add("replay-step-error-icon");
        tag.getStyleClass().add("replay-step-tag-icon");
        HBox caption = new HBox(4, index, error, tag);
        caption.setAlignment(Pos.CENTER);
        box = new VBox(2, frame, caption);
        box.setAlignment(Pos.CENTER);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        settle.setOnFinished(e -> request());
    }

    @Override
    protected void updateItem(StepRow r, boolean empty) {
        super.updateItem(r, empty);
        pseudoClassStateChanged(StepCell.FAILED, !empty && r != null && r.failed());
        pseudoClassStateChanged(StepCell.TAGGED, !empty && r != null && r.tagged());
        if (empty || r == null) {
            settle.stop();
            shown = null;
            view.setImage(null);
            setGraphic(null);
            return;
        }
        index.setText(String.valueOf(r.index()));
        error.setVisible(r.failed());
        error.setManaged(r.failed());
        tag.setVisible(r.tagged());
        tag.setManaged(r.tagged());
        setGraphic(box);
        if (shown != null && shown.trajectory() == r.trajectory() && shown.index() == r.index()) {
            return; // the same step (its tags changed): keep the picture
        }
        shown = r;
        view.setImage(null);
        missing.setText(r.step().screenshot() == null ? "no screenshot" : "\u2026");
        if (r.step().screenshot() != null) {
            settle.playFromStart();
        }
    }

    private void request() {
        StepRow want = shown;
        if (want == null || getItem() == null) {
            return;
        }
        vm.thumbnail(want, img -> {
            if (shown != want) {
                return; // the cell shows another step now
            }
            view.setImage(img);
            missing.setText(img == null ? "missing" : "");
        });
    }

    /** Whether this cell shows a thumbnail (tests count them: only visible cells load one). */
    boolean hasThumbnail() {
        return view.getImage() != null;
    }
}
