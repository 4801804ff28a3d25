package org.envforge.trajectory;

import org.envforge.runtime.PngEncoder;

/** Distinguishable test screenshots: a grey screen with a coloured square at a point. */
final class Frames {

    private Frames() {
    }

    static byte[] png(int seed) {
        int w = 64;
        int h = 40;
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, 0x808080);
        int x0 = (seed * 7) % (w - 8);
        int y0 = (seed * 5) % (h - 8);
        for (int y = y0; y < y0 + 8; y++) {
            for (int x = x0; x < x0 + 8; x++) {
                px[y * w + x] = (seed * 0x3A5F17) & 0xFFFFFF;
            }
        }
        return PngEncoder.encode(px, w, h);
    }
}
