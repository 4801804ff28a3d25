package org.envforge.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the pixels of an X Window Dump (the format Xvfb keeps its framebuffer in with -fbdir, and
 * that xwd writes): a big-endian header, a colour map, then 32-bit pixels.
 */
public final class Xwd {

    private Xwd() {
    }

    /** Header facts needed to read the pixels. */
    public record Header(int headerSize, int width, int height, int bitsPerPixel, int bytesPerLine, int byteOrder,
            int colorMapEntries) {

        public int pixelOffset() {
            return headerSize + colorMapEntries * 12;
        }
    }

    /** A screenshot (PNG) of an XWD dump, as {@code xwd -root} writes it. */
    public static Screenshot screenshot(byte[] xwd) {
        Header h = header(ByteBuffer.wrap(xwd));
        return new Screenshot(PngEncoder.encode(pixels(ByteBuffer.wrap(xwd)), h.width(), h.height()), h.width(), h.height(),
                java.time.Instant.now());
    }

    public static Header header(ByteBuffer b) {
        ByteBuffer h = b.duplicate().order(ByteOrder.BIG_ENDIAN);
        int headerSize = h.getInt(0);
        int width = h.getInt(16);
        int height = h.getInt(20);
        int byteOrder = h.getInt(28);
        int bpp = h.getInt(44);
        int bpl = h.getInt(48);
        int ncolors = h.getInt(76);
        if (headerSize < 100 || width <= 0 || height <= 0 || bpp != 32) {
            throw new SandboxException("not a 32-bit XWD image (header " + headerSize + ", " + width + "x" + height + ", " + bpp
                    + " bpp)");
        }
        return new Header(headerSize, width, height, bpp, bpl, byteOrder, ncolors);
    }

    /** The pixels as 0xRRGGBB ints. */
    public static int[] pixels(ByteBuffer b) {
        Header h = header(b);
        int[] out = new int[h.width() * h.height()];
        ByteBuffer px = b.duplicate().order(h.byteOrder() == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int off = h.pixelOffset();
        for (int y = 0; y < h.height(); y++) {
            px.position(off + y * h.bytesPerLine());
            px.asIntBuffer().get(out, y * h.width(), h.width());
        }
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return out;
    }
}
