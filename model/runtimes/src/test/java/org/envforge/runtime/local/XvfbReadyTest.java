package org.envforge.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.envforge.host.ProcessRunner;
import org.envforge.runtime.Sandboxes;
import org.envforge.runtime.SessionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A display is ready when its server answers a client, not when its socket exists: the socket
 * comes first, then the keyboard (whose keymap compiler a reset would otherwise kill, and the
 * server with it: seen as "XKB: Failed to compile keymap" in one job of six).
 */
class XvfbReadyTest {

    @TempDir
    Path dir;

    @Test
    void aSocketThatAcceptsButNeverAnswersIsNotAServer() throws Exception {
        Path sock = dir.resolve("X1");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            long t0 = System.nanoTime();
            assertThat(XvfbDisplay.answers(sock, new byte[16])).isFalse();
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(900L, 5000L);
            try (SocketChannel accepted = server.accept()) {
                assertThat(accepted).isNotNull();
            }
        }
        assertThat(XvfbDisplay.answers(dir.resolve("nothing"), new byte[16])).isFalse();
    }

    @Test
    void aStartedSessionsServerAnswersItsCookieOnly() throws Exception {
        LocalRuntime rt = Sandboxes.local(dir);
        try (LocalSession s = (LocalSession) rt.start(SessionRequest.defaults("ready"))) {
            Path sock = Path.of("/tmp/.X11-unix/X" + s.displayName().substring(1));
            String line = ProcessRunner.run(List.of("xauth", "-f", s.folder().resolve("Xauthority").toString(), "list"),
                    java.util.Map.of(), null, java.time.Duration.ofSeconds(5), null).stdout().strip();
            byte[] cookie = HexFormat.of().parseHex(line.substring(line.lastIndexOf(' ') + 1));
            assertThat(XvfbDisplay.answers(sock, cookie)).isTrue();
            assertThat(XvfbDisplay.answers(sock, new byte[16])).as("a wrong cookie is refused").isFalse();
        }
    }
}
