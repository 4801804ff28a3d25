package org.envforge.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The EnvForge store: one SQLite file ({@value #DB_FILE}, WAL) with versioned migrations, and a
 * content-addressed blob folder beside it. Opening refuses, and leaves untouched, a file that is
 * not a healthy SQLite database or that a newer EnvForge has migrated.
 */
public final class Store implements AutoCloseable {

    public static final String DB_FILE = "envforge.db";
    public static final String BLOB_DIR = "blobs";
    /** Held while a process opens (and perhaps creates or migrates) the store. */
    public static final String LOCK_FILE = "envforge.lock";
    /** One open at a time within this JVM too (a file lock is held per process, not per thread). */
    private static final Object OPENING = new Object();
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path dataDir;
    private final Database database;
    private final BlobStore blobs;
    private final int schemaVersion;

    private Store(Path dataDir, Database database, BlobStore blobs, int schemaVersion) {
        this.dataDir = dataDir;
        this.database = database;
        this.blobs = blobs;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Opens (creating and migrating as needed) the store in the given data folder. Opening is one
     * at a time across processes (a lock on {@value #LOCK_FILE}), so two that open a new folder at
     * the same moment do not both create and migrate it.
     */
    public static Store open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage()
                    + " (choose another with --data-dir or ENVFORGE_HOME)", e);
        }
        makePrivate(dataDir);
        SqliteNative.prepare(dataDir);
        Path lockFile = dataDir.resolve(LOCK_FILE);
        synchronized (OPENING) {
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                return openLocked(dataDir);
            } catch (IOException e) {
                throw new StoreException("cannot lock " + lockFile + " to open the store: " + e.getMessage(), e);
            }
        }
    }

    private static Store openLocked(Path dataDir) {
        Path file = dataDir.resolve(DB_FILE);
        boolean existing = Files.exists(file) && size(file) > 0;
        if (existing) {
            checkHeader(file);
            checkIntegrityAndVersion(file);
        } else if (Files.exists(file)) {
            checkEmptyFileIsNew(dataDir, file);
        }
        Database db;
        try {
            db = new Database(file);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            MigrateResult result = flyway(db.url(), false).migrate();
            String target = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            return new Store(dataDir, db, new BlobStore(dataDir.resolve(BLOB_DIR)), target == null ? 0 : Integer.parseInt(target));
        } catch (RuntimeException e) {
            db.close();
            throw new StoreException("cannot migrate " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A zero-byte database may be initialised only in a new folder: beside stored blobs (or a
     * write-ahead log) it is a lost or truncated database, and a new empty one would hide that.
     */
    private static void checkEmptyFileIsNew(Path dataDir, Path file) {
        Path blobs = dataDir.resolve(BLOB_DIR);
        Path wal = dataDir.resolve(DB_FILE + "-wal");
        boolean hasBlobs;
        try (Stream<Path> all = Files.isDirectory(blobs) ? Files.walk(blobs) : Stream.empty()) {
            hasBlobs = all.anyMatch(Files::isRegularFile);
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot read " + blobs + ": " + e.getMessage(), e);
        }
        if (hasBlobs || Files.exists(wal) && size(wal) > 0) {
            throw new StoreException(file + " is empty (0 bytes) but " + (hasBlobs ? blobs + " holds stored files" : wal + " holds data")
                    + ": the database was lost or truncated. It was left untouched: restore " + DB_FILE + " from a backup, "
                    + "or move the data folder away and start a new one (--data-dir).");
        }
    }

    /**
     * The data folder is its user's alone (mode 0700): whatever the modes of what is inside, no
     * other user, a sandbox's own uid among them, can list or read it.
     */
    private static void makePrivate(Path dataDir) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mine =
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
        try {
            if (!Files.getPosixFilePermissions(dataDir).equals(mine)) {
                Files.setPosixFilePermissions(dataDir, mine);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not a POSIX file system, or not ours to change: left as it is
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkHeader(Path file) {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw new StoreException(file + " is not an SQLite database (corrupt or foreign file). It was left untouched: "
                    + "move it away or restore a backup, or use another data folder (--data-dir).");
        }
    }

    private static void checkIntegrityAndVersion(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        String url = "jdbc:sqlite:" + file;
        try (Connection c = config.createConnection(url); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(first)) {
                    throw new StoreException(file + " is damaged (SQLite quick_check: " + first + "). It was left untouched: "
                            + "move it away or restore a backup, or use another data folder (--data-dir).");
                }
            }
        } catch (SQLException e) {
            throw new StoreException(file + " cannot be read as an SQLite database (" + e.getMessage()
                    + "). It was left untouched: move it away or restore a backup, or use another data folder (--data-dir).", e);
        }
        MigrationInfo[] all;
        try {
            all = flyway(url, true).info().all();
        } catch (RuntimeException e) {
            throw new StoreException(file + ": cannot read its schema history (" + e.getMessage() + "). It was left untouched.", e);
        }
        List<MigrationInfo> future = Arrays.stream(all)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        if (!future.isEmpty()) {
            String newest = future.get(future.size() - 1).getVersion().getVersion();
            String known = Arrays.stream(all).filter(m -> m.getState().isResolved())
                    .map(m -> m.getVersion().getVersion()).reduce((a, b) -> b).orElse("0");
            throw new StoreException(file + " was written by a newer EnvForge (schema version " + newest
                    + "; this build knows up to " + known + "). It was left untouched: upgrade EnvForge, or use another "
                    + "data folder (--data-dir).");
        }
    }

    private static Flyway flyway(String url, boolean readOnly) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url);
        ds.setBusyTimeout(Database.BUSY_MILLIS);
        if (readOnly) {
            ds.setReadOnly(true);
        }
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .validateOnMigrate(true)
                .load();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path databaseFile() {
        return database.file();
    }

    public Database database() {
        return database;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** The schema version after migration. */
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        database.close();
    }
}
