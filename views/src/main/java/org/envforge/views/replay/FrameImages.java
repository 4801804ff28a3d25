package org.envforge.views.replay;

import java.nio.IntBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.envforge.trajectory.replay.Frame;

/** Decoded frames as JavaFX images (any thread: an image is not part of the scene graph). */
final class FrameImages {

    private FrameImages() {
    }

    /** The frame as an opaque image, or null for no frame; the frame's pixels are not changed (caches share them). */
    static WritableImage toImage(Frame f) {
        if (f == null || f.width() <= 0 || f.height() <= 0 || f.pixels().length < f.width() * f.height()) {
            return null;
        }
        int[] argb = new int[f.width() * f.height()];
        int[] px = f.pixels();
        for (int i = 0; i < argb.length; i++) {
            argb[i] = px[i] | 0xFF000000;
        }
        WritableImage img = new WritableImage(f.width(), f.height());
        img.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), f.width());
        return img;
    }
}
