package org.envforge.verify;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.envforge.host.HostTools;
import org.envforge.runtime.PngEncoder;
import org.envforge.runtime.WindowInfo;

/**
 * Reads text from a screen region with tesseract: crop to the window, grey, scale 2x, page
 * segmentation mode 6. Runs on the host (the input is EnvForge's own screenshot). Near-exact on
 * UI text; compare fuzzily.
 */
public final class Ocr {

    private Ocr() {
    }

    public static boolean available() {
        return HostTools.which("tesseract").isPresent();
    }

    /** The text in the window's region of the screen (pixels 0xRRGGBB, row by row), or "" without tesseract. */
    public static String read(int[] pixels, int width, int height, WindowInfo region) {
        if (!available()) {
            return "";
        }
        int x0 = Math.max(0, region == null ? 0 : region.x());
        int y0 = Math.max(0, region == null ? 0 : region.y());
        int w = Math.min(width - x0, region == null ? width : region.width());
        int h = Math.min(height - y0, region == null ? height : region.height());
        if (w <= 0 || h <= 0) {
            return "";
        }
        int[] out = new int[w * 2 * h * 2];
        for (int y = 0; y < h * 2; y++) {
            int sy = y0 + y / 2;
            for (int x = 0; x < w * 2; x++) {
                int p = pixels[sy * width + x0 + x / 2];
                int grey = (((p >> 16) & 0xFF) * 30 + ((p >> 8) & 0xFF) * 59 + (p & 0xFF) * 11) / 100;
                out[y * w * 2 + x] = grey << 16 | grey << 8 | grey;
            }
        }
        byte[] png = PngEncoder.encode(out, w * 2, h * 2);
        var r = org.envforge.host.HostCommands.run(List.of("tesseract", "stdin", "stdout", "--psm", "6", "-l", "eng"), png,
                Duration.ofSeconds(30));
        return r.ok() ? r.stdout() : "";
    }

    /** Normalises text for fuzzy matching: lower case, letters and digits only, single spaces. */
    public static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /**
     * True when the text contains the phrase, allowing OCR slips: every word of the phrase must be
     * found (whole, or within one edit for words of five or more letters).
     */
    public static boolean fuzzyContains(String text, String phrase) {
        String t = " " + normalise(text) + " ";
        String p = normalise(phrase);
        if (p.isEmpty()) {
            return true;
        }
        if (t.contains(" " + p + " ") || t.contains(p)) {
            return true;
        }
        String[] words = t.strip().split(" ");
        for (String pw : p.split(" ")) {
            boolean found = false;
            for (String tw : words) {
                if (tw.equals(pw) || pw.length() >= 5 && editDistanceAtMostOne(tw, pw)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static boolean editDistanceAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (b.length() > a.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
