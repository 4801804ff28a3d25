package org.envforge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database (WAL mode). One writer connection, used under a lock, since SQLite allows
 * one writer at a time; a small pool of reader connections, which WAL lets run beside the writer.
 * All SQL in EnvForge goes through this class's callers in the store package.
 */
public final class Database implements AutoCloseable {

    /** Work done with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private static final int READERS = 4;

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
        config.setBusyTimeout(10_000);
        config.setReadOnly(readOnly);
        return config.createConnection(url);
    }

    /** Runs work in one transaction on the writer connection; rolls back on any failure. */
    public <T> T write(SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database " + file + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
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
            throw new StoreException("database " + file + ": " + e.getMessage(), e);
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
