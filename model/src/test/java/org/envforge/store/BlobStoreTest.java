package org.envforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesContentOnceUnderItsSha256() throws IOException {
        BlobStore blobs = new BlobStore(dir.resolve("blobs"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        String a = blobs.put(png);
        String b = blobs.put(new ByteArrayInputStream(png));
        assertThat(a).isEqualTo(b).hasSize(64).isEqualTo(BlobStore.sha256(png));
        assertThat(blobs.path(a)).isEqualTo(dir.resolve("blobs").resolve(a.substring(0, 2)).resolve(a.substring(2)));
        assertThat(blobs.get(a)).hasValueSatisfying(v -> assertThat(v).isEqualTo(png));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void refusesNamesThatAreNotHashes() {
        BlobStore blobs = new BlobStore(dir);
        assertThatThrownBy(() -> blobs.get("../../etc/passwd")).hasMessageContaining("not a SHA-256 blob name");
        assertThat(blobs.contains("nope")).isFalse();
    }
}
