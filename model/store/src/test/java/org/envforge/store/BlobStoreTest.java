package org.envforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    void aDamagedShortenedOrDeletedBlobIsRewrittenByTheNextPutOfItsContent() throws IOException {
        BlobStore blobs = new BlobStore(dir.resolve("blobs"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5};
        String sha = blobs.put(png);
        Path file = blobs.path(sha);
        byte[] altered = png.clone();
        altered[5] ^= 1;
        Files.write(file, altered);
        assertThat(blobs.put(png)).isEqualTo(sha);
        assertThat(Files.readAllBytes(file)).isEqualTo(png);
        Files.write(file, Arrays.copyOf(png, 4));
        assertThat(blobs.put(new ByteArrayInputStream(png))).isEqualTo(sha);
        assertThat(Files.readAllBytes(file)).isEqualTo(png);
        Files.delete(file);
        assertThat(blobs.put(png)).isEqualTo(sha);
        assertThat(Files.readAllBytes(file)).isEqualTo(png);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).as("no temporary file is left").containsExactly(file);
        }
    }

    @Test
    void aMissingOrDamagedBlobIsNeverHandedOutAndIsNamedWhenAsked() throws IOException {
        BlobStore blobs = new BlobStore(dir.resolve("blobs"));
        byte[] script = "#!/bin/bash\necho start\n".getBytes();
        String sha = blobs.put(script);
        assertThat(blobs.health(sha)).isEqualTo(BlobStore.Health.OK);
        byte[] altered = script.clone();
        altered[12] = 'X';
        Files.write(blobs.path(sha), altered);
        assertThat(blobs.get(sha)).isEmpty();
        assertThat(blobs.health(sha)).isEqualTo(BlobStore.Health.DAMAGED);
        assertThatThrownBy(() -> blobs.read(sha, "tasks/t1/setup_task.sh"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(sha).hasMessageContaining("tasks/t1/setup_task.sh").hasMessageContaining("damaged")
                .hasMessageContaining("envforge store check");
        Path target = dir.resolve("out/setup_task.sh");
        Files.createDirectories(target.getParent());
        assertThatThrownBy(() -> blobs.copyTo(sha, target, "tasks/t1/setup_task.sh")).hasMessageContaining("damaged");
        assertThat(target).doesNotExist();
        Files.delete(blobs.path(sha));
        assertThat(blobs.health(sha)).isEqualTo(BlobStore.Health.MISSING);
        assertThatThrownBy(() -> blobs.copyTo(sha, target, "tasks/t1/setup_task.sh"))
                .isInstanceOf(StoreException.class).hasMessageContaining(sha).hasMessageContaining("missing");
        assertThat(target).doesNotExist();
        blobs.put(script);
        blobs.copyTo(sha, target, "tasks/t1/setup_task.sh");
        assertThat(Files.readAllBytes(target)).isEqualTo(script);
        assertThat(blobs.read(sha, "tasks/t1/setup_task.sh")).isEqualTo(script);
    }

    @Test
    void refusesNamesThatAreNotHashes() {
        BlobStore blobs = new BlobStore(dir);
        assertThatThrownBy(() -> blobs.get("../../etc/passwd")).hasMessageContaining("not a SHA-256 blob name");
        assertThat(blobs.contains("nope")).isFalse();
    }
}
