package org.envforge.views.replay;

/**
 * Where a screenshot of {@code imageWidth x imageHeight} screen pixels lands when it is shown
 * scaled to fit a box (ratio kept, centred), and how screen pixels map to view coordinates and
 * back. The screen view places its image with it and the action overlay draws with it, so the two
 * always agree.
 *
 * @param scale view units per screen pixel (0 when there is nothing to show)
 * @param x left edge of the shown image in the box
 * @param y top edge of the shown image in the box
 * @param width shown width
 * @param height shown height
 */
public record ImageFit(double scale, double x, double y, double width, double height) {

    /** Nothing shown. */
    public static final ImageFit EMPTY = new ImageFit(0, 0, 0, 0, 0);

    /**
     * Fits an image into the box at ({@code boxX}, {@code boxY}) of {@code boxWidth x boxHeight};
     * the image's corner is snapped to whole view units so it is drawn sharp.
     */
    public static ImageFit contain(double imageWidth, double imageHeight, double boxX, double boxY, double boxWidth, double boxHeight) {
        if (imageWidth <= 0 || imageHeight <= 0 || boxWidth <= 0 || boxHeight <= 0) {
            return EMPTY;
        }
        double s = Math.min(boxWidth / imageWidth, boxHeight / imageHeight);
        double w = imageWidth * s;
        double h = imageHeight * s;
        return new ImageFit(s, Math.floor(boxX + (boxWidth - w) / 2), Math.floor(boxY + (boxHeight - h) / 2), w, h);
    }

    /** Fits an image into a box at the origin. */
    public static ImageFit contain(double imageWidth, double imageHeight, double boxWidth, double boxHeight) {
        return contain(imageWidth, imageHeight, 0, 0, boxWidth, boxHeight);
    }

    public boolean isEmpty() {
        return scale <= 0;
    }

    /** The view x of the centre of screen pixel column {@code px}. */
    public double viewX(double px) {
        return x + (px + 0.5) * scale;
    }

    /** The view y of the centre of screen pixel row {@code py}. */
    public double viewY(double py) {
        return y + (py + 0.5) * scale;
    }

    /** A length in screen pixels as a view length. */
    public double viewLength(double pixels) {
        return pixels * scale;
    }

    /** The screen pixel column under view x (may fall outside the image). */
    public int screenX(double vx) {
        return (int) Math.floor((vx - x) / scale);
    }

    /** The screen pixel row under view y (may fall outside the image). */
    public int screenY(double vy) {
        return (int) Math.floor((vy - y) / scale);
    }

    /** Whether the view point is on the shown image. */
    public boolean contains(double vx, double vy) {
        return !isEmpty() && vx >= x && vy >= y && vx < x + width && vy < y + height;
    }
}
