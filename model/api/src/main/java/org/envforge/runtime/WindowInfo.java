package org.envforge.runtime;

/** A top-level window on a session's screen. */
public record WindowInfo(String id, String title, String appClass, int x, int y, int width, int height) {

    public int centerX() {
        return x + width / 2;
    }

    public int centerY() {
        return y + height / 2;
    }
}
