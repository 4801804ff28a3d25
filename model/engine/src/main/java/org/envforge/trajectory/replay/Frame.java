package org.envforge.trajectory.replay;

/** A decoded screenshot: 0xRRGGBB pixels, row by row; {@code sha} names the stored PNG. */
public record Frame(String sha, int width, int height, int[] pixels) {

    /** Bytes the pixels take on the heap. */
    public long bytes() {
        return (long) pixels.length * 4;
    }
}
