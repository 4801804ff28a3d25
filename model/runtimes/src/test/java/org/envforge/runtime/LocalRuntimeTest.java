package org.envforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.envforge.action.Action;
import org.envforge.runtime.local.LocalRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runtime end to end: a real Xvfb display, xterm under bubblewrap, xdotool actions. */
class LocalRuntimeTest {

    @TempDir
    Path dir;

    @Test
    void launchSeeActAndReadBack() throws IOException {
        Sandboxes.requireTools(List.of("xterm"));
        LocalRuntime runtime = Sandboxes.local(dir);
        try (Session s = runtime.start(SessionRequest.defaults("xterm"))) {
            s.launch(List.of("xterm", "-geometry", "100x30+0+0", "-fa", "DejaVu Sans Mono", "-fs", "12", "-T", "shell"));
            WindowInfo w = s.awaitWindow(Pattern.compile("^shell$"), Duration.ofSeconds(10)).orElseThrow();
            assertThat(w.width()).isGreaterThan(100);
            s.act(new Action.MoveTo(w.centerX(), w.centerY()));
            s.act(new Action.TypeText("echo $((6*7)) > ~/answer.txt; echo done\n"));
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end) {
                try {
                    if (new String(s.readFile("~/answer.txt"), StandardCharsets.UTF_8).strip().equals("42")) {
                        break;
                    }
                } catch (SandboxException e) {
                    // not written yet
                }
                s.act(new Action.Wait(50));
            }
            assertThat(new String(s.readFile("answer.txt"), StandardCharsets.UTF_8)).isEqualTo("42\n");
            Screenshot shot = s.screenshot();
            assertThat(shot.width()).isEqualTo(1280);
            var img = ImageIO.read(new ByteArrayInputStream(shot.png()));
            assertThat(img.getWidth()).isEqualTo(1280);
            assertThat(img.getHeight()).isEqualTo(800);
            // The xterm window is not all one colour (text is drawn) and the PNG matches the pixels.
            int[] px = s.pixels();
            assertThat(img.getRGB(w.centerX(), w.y() + 5) & 0xFFFFFF).isEqualTo(px[(w.y() + 5) * 1280 + w.centerX()]);
            assertThat(java.util.Arrays.stream(px, 0, 1280 * 300).distinct().count()).isGreaterThan(2);

            ExecResult r = s.exec(List.of("bash", "-c", "cat ~/answer.txt; id -un; echo $HOME; id -u"));
            assertThat(r.ok()).isTrue();
            assertThat(r.stdout()).startsWith("42\nenvforge\n/home/envforge\n");
            assertThat(r.stdout().strip()).doesNotEndWith("\n0");
            s.writeFile("~/in/data.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
            assertThat(s.shell("wc -l < ~/in/data.csv").stdout().strip()).isEqualTo("2");

            s.reset();
            assertThat(s.windows()).isEmpty();
            assertThat(s.shell("ls -A ~ | wc -l").stdout().strip()).isEqualTo("0");
        }
    }

    @Test
    void pngEncoderWritesDecodablePngs() throws IOException {
        int[] px = new int[64 * 32];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 2654435761L % 0xFFFFFF) > 0 ? (int) (i * 2654435761L % 0xFFFFFF) : 0;
        }
        var img = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(px, 64, 32)));
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                assertThat(img.getRGB(x, y) & 0xFFFFFF).isEqualTo(px[y * 64 + x]);
            }
        }
        assertThat(Files.exists(dir)).isTrue();
    }
}
