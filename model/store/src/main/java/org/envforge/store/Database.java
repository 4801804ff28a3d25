package org.envforge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite database (WAL mode). One writer connection, used under a lock, since SQLite allows
 * one writer at a time; a small pool of reader connections, which WAL lets run beside the writer.
 * Every write transaction begins IMMEDIATE: it takes SQLite's write lock before its first read,
 * waiting up to {@value #BUSY_MILLIS} ms for other processes on the same file, so a transaction
 * that reads then writes never meets a newer snapshot (SQLITE_BUSY_SNAPSHOT, which no busy timeout
 * waits out). All SQL in EnvForge goes through this class's callers in the store package.
 */
public final class Database implements AutoCloseable {

    /** Work done with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private static final int READERS = 4;
    /** How long a connection waits for another process's lock before it gives up. */
    static final int BUSY_MILLIS = 30_000;

    private final Path file;
    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private volatile boolean closed;

    Database(Path file) throws SQLException {
        this.file = file;
        this.url = "jdbc:sqlite:" + file;
        this.writer = connect(false);
    }

    Path file() {
        return file;
    }

    String url() {
        return url;
    }

    private Connection connect(boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_MILLIS);
        config.setReadOnly(readOnly);
        return config.createConnection(url);
    }

    /**
     * Runs work in one immediate transaction on the writer connection; rolls back on any failure.
     * (The driver's own transaction mode would begin the next transaction, and take the write lock
     * again, at every commit; so the writer stays in auto-commit and says BEGIN and COMMIT itself.)
     */
    public <T> T write(SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try (Statement st = writer.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(writer);
                st.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(st);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database " + file + ": " + e.getMessage() + busyHint(e), e);
        } finally {
            writeLock.unlock();
        }
    }

    private static void rollback(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left to roll back (SQLite ended it on the error)
        }
    }

    private static String busyHint(SQLException e) {
        return e instanceof SQLiteException s && (s.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code
                ? " (another EnvForge process kept the database locked for over " + BUSY_MILLIS / 1000 + " s; try again)" : "";
    }

    /** Runs read-only work on a pooled reader connection (a consistent snapshot per call). */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection c = readers.poll();
        try {
            if (c == null) {
                c = connect(true);
            }
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database " + file + ": " + e.getMessage() + busyHint(e), e);
        } finally {
            if (c != null && (closed || !readers.offer(c))) {
                closeQuietly(c);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("database " + file + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = readers.poll()) != null) {
            closeQuietly(c);
        }
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing; nothing to save
        }
    }
}
