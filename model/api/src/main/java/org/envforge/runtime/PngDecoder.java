package org.envforge.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads PNG files without AWT: checks the structure (signature, chunk lengths and CRCs, IHDR,
 * IDAT, IEND) and decodes non-interlaced 8- and 16-bit grey, RGB, palette and alpha images to
 * 0xRRGGBB pixels. Screenshots from OSWorld, Gym-Anything and EnvForge are all of this kind.
 */
public final class PngDecoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Refuse images whose pixels would not fit comfortably in memory. */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;

    private PngDecoder() {
    }

    /** A decoded image: 0xRRGGBB pixels, row by row. */
    public record Image(int width, int height, int[] pixels) {
    }

    /** The size from the header, after checking every chunk; throws {@link IllegalArgumentException} saying what is wrong. */
    public static int[] size(byte[] png) {
        Header h = parse(png, false).header;
        return new int[] {h.width, h.height};
    }

    /** Decodes the image; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Image decode(byte[] png) {
        Parsed p = parse(png, true);
        return new Image(p.header.width, p.header.height, pixels(p));
    }

    private record Header(int width, int height, int depth, int colour, int interlace) {
    }

    private record Parsed(Header header, byte[] idat, int[] palette) {
    }

    private static Parsed parse(byte[] png, boolean keepData) {
        if (png == null || png.length < SIGNATURE.length + 25) {
            throw new IllegalArgumentException("not a PNG (too short)");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                throw new IllegalArgumentException("not a PNG (bad signature)");
            }
        }
        ByteBuffer b = ByteBuffer.wrap(png);
        b.position(SIGNATURE.length);
        Header header = null;
        ByteArrayOutputStream idat = new ByteArrayOutputStream(keepData ? png.length : 0);
        int[] palette = null;
        boolean end = false;
        CRC32 crc = new CRC32();
        while (!end) {
            if (b.remaining() < 12) {
                throw new IllegalArgumentException("truncated PNG (no IEND chunk)");
            }
            int len = b.getInt();
            if (len < 0 || len > b.remaining() - 8) {
                throw new IllegalArgumentException("truncated PNG (a chunk runs past the end of the file)");
            }
            int typeAt = b.position();
            String type = new String(png, typeAt, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            crc.reset();
            crc.update(png, typeAt, 4 + len);
            int dataAt = typeAt + 4;
            b.position(dataAt + len);
            int stored = b.getInt();
            if ((int) crc.getValue() != stored) {
                throw new IllegalArgumentException("corrupt PNG (bad CRC in " + type + " chunk)");
            }
            switch (type) {
                case "IHDR" -> {
                    if (len != 13) {
                        throw new IllegalArgumentException("corrupt PNG (IHDR length " + len + ")");
                    }
                    ByteBuffer h = ByteBuffer.wrap(png, dataAt, 13);
                    header = new Header(h.getInt(), h.getInt(), h.get() & 0xFF, h.get() & 0xFF, png[dataAt + 12] & 0xFF);
                    if (header.width <= 0 || header.height <= 0 || (long) header.width * header.height > MAX_PIXELS) {
                        throw new IllegalArgumentException("PNG size " + header.width + "x" + header.height + " is out of range");
                    }
                }
                case "PLTE" -> {
                    palette = new int[len / 3];
                    for (int i = 0; i < palette.length; i++) {
                        int o = dataAt + i * 3;
                        palette[i] = (png[o] & 0xFF) << 16 | (png[o + 1] & 0xFF) << 8 | png[o + 2] & 0xFF;
                    }
                }
                case "IDAT" -> {
                    if (keepData) {
                        idat.write(png, dataAt, len);
                    }
                }
                case "IEND" -> end = true;
                default -> {
                    // ancillary chunks are ignored
                }
            }
            if (header == null) {
                throw new IllegalArgumentException("corrupt PNG (the first chunk is not IHDR)");
            }
        }
        return new Parsed(header, idat.toByteArray(), palette);
    }

    private static int[] pixels(Parsed p) {
        Header h = p.header;
        if (h.interlace != 0) {
            throw new IllegalArgumentException("interlaced PNGs are not supported");
        }
        if (h.depth != 8 && h.depth != 16 && !(h.colour == 3 && h.depth <= 8) && !(h.colour == 0 && h.depth < 8)) {
            throw new IllegalArgumentException("PNG bit depth " + h.depth + " with colour type " + h.colour + " is not supported");
        }
        int channels = switch (h.colour) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw new IllegalArgumentException("corrupt PNG (colour type " + h.colour + ")");
        };
        if (h.colour == 3 && p.palette == null) {
            throw new IllegalArgumentException("corrupt PNG (palette image without PLTE)");
        }
        int bitsPerPixel = channels * h.depth;
        int bpp = Math.max(1, bitsPerPixel / 8);
        int stride = (int) (((long) h.width * bitsPerPixel + 7) / 8);
        byte[] raw = new byte[(stride + 1) * h.height];
        Inflater inf = new Inflater();
        try {
            inf.setInput(p.idat);
            int n = 0;
            while (n < raw.length) {
                int got = inf.inflate(raw, n, raw.length - n);
                if (got == 0) {
                    if (inf.finished() || inf.needsInput()) {
                        throw new IllegalArgumentException("truncated PNG (image data ends after " + n + " of " + raw.length
                                + " bytes)");
                    }
                    if (inf.needsDictionary()) {
                        throw new IllegalArgumentException("corrupt PNG (image data needs a dictionary)");
                    }
                }
                n += got;
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt PNG (image data: " + e.getMessage() + ")");
        } finally {
            inf.end();
        }
        int[] out = new int[h.width * h.height];
        byte[] prev = new byte[stride];
        byte[] row = new byte[stride];
        for (int y = 0; y < h.height; y++) {
            int off = y * (stride + 1);
            int filter = raw[off];
            System.arraycopy(raw, off + 1, row, 0, stride);
            unfilter(filter, row, prev, bpp);
            for (int x = 0; x < h.width; x++) {
                out[y * h.width + x] = pixel(row, x, h, channels, p.palette);
            }
            byte[] t = prev;
            prev = row;
            row = t;
        }
        return out;
    }

    private static void unfilter(int filter, byte[] row, byte[] prev, int bpp) {
        switch (filter) {
            case 0 -> {
            }
            case 1 -> {
                for (int i = bpp; i < row.length; i++) {
                    row[i] = (byte) (row[i] + row[i - bpp]);
                }
            }
            case 2 -> {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (byte) (row[i] + prev[i]);
                }
            }
            case 3 -> {
                for (int i = 0; i < row.length; i++) {
                    int left = i >= bpp ? row[i - bpp] & 0xFF : 0;
                    row[i] = (byte) (row[i] + ((left + (prev[i] & 0xFF)) >> 1));
                }
            }
            case 4 -> {
                for (int i = 0; i < row.length; i++) {
                    int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
                    int bb = prev[i] & 0xFF;
                    int c = i >= bpp ? prev[i - bpp] & 0xFF : 0;
                    int pa = Math.abs(bb - c);
                    int pb = Math.abs(a - c);
                    int pc = Math.abs(a + bb - 2 * c);
                    int pred = pa <= pb && pa <= pc ? a : pb <= pc ? bb : c;
                    row[i] = (byte) (row[i] + pred);
                }
            }
            default -> throw new IllegalArgumentException("corrupt PNG (row filter " + filter + ")");
        }
    }

    private static int pixel(byte[] row, int x, Header h, int channels, int[] palette) {
        if (h.depth < 8) {
            int perByte = 8 / h.depth;
            int v = (row[x / perByte] & 0xFF) >> (8 - h.depth * (x % perByte + 1)) & ((1 << h.depth) - 1);
            if (h.colour == 3) {
                return v < palette.length ? palette[v] : 0;
            }
            int g = v * 255 / ((1 << h.depth) - 1);
            return g << 16 | g << 8 | g;
        }
        int step = h.depth / 8;
        int o = x * channels * step;
        int c0 = row[o] & 0xFF;
        return switch (h.colour) {
            case 0, 4 -> c0 << 16 | c0 << 8 | c0;
            case 3 -> c0 < palette.length ? palette[c0] : 0;
            default -> c0 << 16 | (row[o + step] & 0xFF) << 8 | row[o + 2 * step] & 0xFF;
        };
    }
}
