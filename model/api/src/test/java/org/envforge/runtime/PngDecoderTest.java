package org.envforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PngDecoderTest {

    private static int[] noise(int w, int h, long seed) {
        Random r = new Random(seed);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % 7 == 0) ? r.nextInt(0x1000000) : (i / w) * 0x010203 & 0xFFFFFF;
        }
        return px;
    }

    @Test
    void decodesWhatTheEncoderWrote() {
        int[] px = noise(97, 41, 3);
        byte[] png = PngEncoder.encode(px, 97, 41);
        PngDecoder.Image img = PngDecoder.decode(png);
        assertThat(img.width()).isEqualTo(97);
        assertThat(img.height()).isEqualTo(41);
        assertThat(Arrays.equals(img.pixels(), px)).isTrue();
        assertThat(PngDecoder.size(png)).containsExactly(97, 41);
    }

    @Test
    void refusesDamagedFilesSayingWhy() {
        byte[] png = PngEncoder.encode(noise(20, 20, 1), 20, 20);
        assertThatThrownBy(() -> PngDecoder.decode(Arrays.copyOf(png, png.length - 20))).hasMessageContaining("truncated");
        byte[] flipped = png.clone();
        flipped[45] ^= 0x55;
        assertThatThrownBy(() -> PngDecoder.size(flipped)).hasMessageContaining("bad CRC");
        assertThatThrownBy(() -> PngDecoder.decode("GIF89a not a png at all, no no no".getBytes()))
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> PngDecoder.decode(new byte[3])).hasMessageContaining("too short");
    }
}
