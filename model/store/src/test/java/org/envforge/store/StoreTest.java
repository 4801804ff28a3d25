package org.envforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void createsAMigratedWalDatabaseAndReopensIt() {
        try (Store store = Store.open(dir.resolve("data"))) {
            assertThat(store.databaseFile()).exists();
            assertThat(store.schemaVersion()).isGreaterThanOrEqualTo(1);
            String mode = store.database().read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
            new Settings(store).put("theme", "dark");
        }
        try (Store again = Store.open(dir.resolve("data"))) {
            assertThat(new Settings(again).get("theme")).contains("dark");
        }
    }

    @Test
    void aDatabaseFromANewerSchemaIsRefusedAndLeftUntouched() throws IOException {
        Path data = dir.resolve("data");
        try (Store store = Store.open(data)) {
            store.database().write(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO flyway_schema_history(installed_rank, version, description, type, script, checksum, "
                                + "installed_by, installed_on, execution_time, success) VALUES (999, '999', 'from the future', "
                                + "'SQL', 'V999__future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, 1)")) {
                    return st.executeUpdate();
                }
            });
        }
        Path file = data.resolve(Store.DB_FILE);
        String before = BlobStore.sha256(Files.readAllBytes(file));
        assertThatThrownBy(() -> Store.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("newer EnvForge (schema version 999")
                .hasMessageContaining("left untouched");
        assertThat(BlobStore.sha256(Files.readAllBytes(file))).isEqualTo(before);
    }

    @Test
    void aCorruptFileIsRefusedAndLeftUntouched() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = data.resolve(Store.DB_FILE);
        byte[] junk = "this is not a database, it is a shopping list\n".repeat(200).getBytes();
        Files.write(file, junk);
        assertThatThrownBy(() -> Store.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not an SQLite database")
                .hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file)).isEqualTo(junk);
        assertThat(data.resolve(Store.DB_FILE + "-wal")).doesNotExist();
    }

    @Test
    void aDamagedSqliteFileIsRefusedAndLeftUntouched() throws IOException {
        Path data = dir.resolve("data");
        try (Store store = Store.open(data)) {
            new Settings(store).put("k", "v".repeat(100_000));
        }
        Path file = data.resolve(Store.DB_FILE);
        byte[] bytes = Files.readAllBytes(file);
        // Keep the header, overwrite the pages after it.
        for (int i = 100; i < bytes.length; i += 7) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);
        assertThatThrownBy(() -> Store.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void aZeroByteDatabaseBesideStoredBlobsIsRefusedAndLeftUntouched() throws IOException {
        Path data = dir.resolve("data");
        try (Store store = Store.open(data)) {
            store.blobs().put("a screenshot".getBytes());
            new Settings(store).put("k", "v");
        }
        Path file = data.resolve(Store.DB_FILE);
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> Store.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is empty (0 bytes)")
                .hasMessageContaining(data.resolve(Store.BLOB_DIR).toString())
                .hasMessageContaining("left untouched");
        assertThat(file).isEmptyFile();
        assertThat(data.resolve(Store.DB_FILE + "-wal")).doesNotExist();
    }

    @Test
    void aZeroByteDatabaseInANewFolderIsInitialised() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve(Store.DB_FILE), new byte[0]);
        try (Store store = Store.open(data)) {
            assertThat(store.schemaVersion()).isPositive();
            new Settings(store).put("k", "v");
        }
        assertThat(Files.size(data.resolve(Store.DB_FILE))).isPositive();
    }

    @Test
    void dataDirResolutionFollowsOptionThenEnvThenXdgThenHome() {
        Path home = Path.of("/home/ada");
        assertThat(DataDirs.resolve(Optional.of(Path.of("/x/y")), Map.of("ENVFORGE_HOME", "/e"), home)).isEqualTo(Path.of("/x/y"));
        assertThat(DataDirs.resolve(Optional.empty(), Map.of("ENVFORGE_HOME", "/e", "XDG_DATA_HOME", "/xdg"), home))
                .isEqualTo(Path.of("/e"));
        assertThat(DataDirs.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", "/xdg"), home)).isEqualTo(Path.of("/xdg/envforge"));
        assertThat(DataDirs.resolve(Optional.empty(), Map.of(), home)).isEqualTo(Path.of("/home/ada/.local/share/envforge"));
    }

    @Test
    void anUnwritableDataDirIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> Store.open(file.resolve("data")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create the data folder");
    }
}
