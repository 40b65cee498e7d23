package dev.outbound.runtime.binding.embedded;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one SQLite file: a single writer behind a lock, since SQLite allows one writer
 * at a time anyway, and a small pool of read-only connections, which WAL lets run alongside the
 * writer. Waiting for a connection uses {@link java.util.concurrent.locks} locks, not {@code
 * synchronized}, so that waiting virtual threads do not pin their carrier (a thread inside a JDBC
 * call still does, as the driver is native).
 */
final class SqliteConnections implements AutoCloseable {

  /** Enough readers to keep a few cores busy with cache misses; more would only hold memory. */
  private static final int READERS = 4;

  /** How long a statement waits for another process (or another instance) holding the file. */
  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  /** One unit of work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private interface Action<T> {
    T run() throws SQLException;
  }

  private final Path file;
  private final Connection writer;
  private final Lock writerLock = new ReentrantLock();
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

  /** Held shared by every operation and exclusively by close, so close waits for running work. */
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();

  private boolean closed;

  private SqliteConnections(Path file, Connection writer) {
    this.file = file;
    this.writer = writer;
  }

  /**
   * Opens the writer and the readers of {@code file}, creating the file and its directory if they
   * are missing, and runs {@code setUp} on the writer before any reader opens.
   *
   * @throws UncheckedIOException if the file cannot be opened or set up
   */
  static SqliteConnections open(Path file, Work<?> setUp) {
    List<Connection> opened = new ArrayList<>();
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Connection writer = openWriter(file);
      opened.add(writer);
      setUp.run(writer);
      SqliteConnections connections = new SqliteConnections(file, writer);
      for (int i = 0; i < READERS; i++) {
        Connection reader = openReader(file);
        opened.add(reader);
        connections.readers.add(reader);
      }
      return connections;
    } catch (IOException | SQLException | RuntimeException e) {
      opened.forEach(SqliteConnections::closeQuietly);
      throw e instanceof RuntimeException unchecked ? unchecked : failure(file, e);
    }
  }

  /**
   * Opens the connection that writes {@code file}: WAL, and {@code synchronous=FULL} so that a
   * committed write survives power loss, not only a crash of this process.
   */
  static Connection openWriter(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return config.createConnection(url(file));
  }

  /** Opens a read-only connection to {@code file}, which must exist and already be in WAL mode. */
  static Connection openReader(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return config.createConnection(url(file));
  }

  /**
   * Runs {@code work} on the writer inside one immediate transaction: all of it is committed, or
   * none of it.
   *
   * @throws UncheckedIOException if SQLite fails
   * @throws IllegalStateException if the connections are closed
   */
  <T> T write(Work<T> work) {
    return whileOpen(
        () -> {
          writerLock.lock();
          try {
            return inTransaction(work);
          } finally {
            writerLock.unlock();
          }
        });
  }

  /**
   * Runs {@code work} on a reader, waiting for one to be free.
   *
   * @throws UncheckedIOException if SQLite fails
   * @throws IllegalStateException if the connections are closed
   */
  <T> T read(Work<T> work) {
    return whileOpen(
        () -> {
          Connection reader = takeReader();
          try {
            return work.run(reader);
          } finally {
            readers.add(reader);
          }
        });
  }

  /** Closes every connection, after waiting for the work that is running; later work fails. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      closeQuietly(writer);
      readers.forEach(SqliteConnections::closeQuietly);
      readers.clear();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private <T> T whileOpen(Action<T> action) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("SQLite file " + file + " is closed");
      }
      return action.run();
    } catch (SQLException e) {
      throw failure(file, e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private <T> T inTransaction(Work<T> work) throws SQLException {
    try (Statement statement = writer.createStatement()) {
      // IMMEDIATE takes the write lock up front, so a busy file waits here under the busy timeout
      // instead of failing when a deferred transaction tries to upgrade.
      statement.execute("BEGIN IMMEDIATE");
      try {
        T result = work.run(writer);
        statement.execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(statement, e);
        throw e;
      }
    }
  }

  private static void rollback(Statement statement, Exception cause) {
    try {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private Connection takeReader() {
    try {
      return readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          new InterruptedIOException("interrupted waiting for a SQLite reader of " + file));
    }
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  private static UncheckedIOException failure(Path file, Exception e) {
    IOException cause = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    return new UncheckedIOException("SQLite file " + file + ": " + e.getMessage(), cause);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing more can be done with a connection that fails to close; the file stays consistent.
    }
  }
}
