package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The namespace's list of pending alarms, {@code _alarms.sqlite}, so that finding due alarms after
 * a restart reads one file instead of every object's.
 *
 * <p>The object's own file holds the truth; this index only says when to look. It is kept at or
 * before the truth: lowered before an object writes its alarm, set to the truth after the write
 * commits. A crash in between leaves an early entry, which delivery finds not due and corrects,
 * never a late or missing one.
 */
final class AlarmIndex implements AutoCloseable {

  static final String FILE_NAME = "_alarms.sqlite";

  private final ReentrantLock lock = new ReentrantLock();
  private final Path file;
  private Connection connection; // guarded by lock; opened at first use
  private boolean closed; // guarded by lock

  private AlarmIndex(Path file) {
    this.file = file;
  }

  /**
   * The index in {@code directory}. Its file is opened at first use and created at the first write:
   * a namespace that never had an alarm does not load SQLite when a server starts.
   */
  static AlarmIndex open(Path directory) {
    return new AlarmIndex(directory.resolve(FILE_NAME));
  }

  /** The connection, opening the file on first use; called under the lock. */
  private Connection connection() throws SQLException {
    if (closed) {
      throw new SQLException("the alarm index " + file + " is closed");
    }
    if (connection == null) {
      Connection opened = SqliteFiles.open(file);
      try (Statement statement = opened.createStatement()) {
        statement.executeUpdate(
            "CREATE TABLE IF NOT EXISTS pending_alarm"
                + " (object_id TEXT PRIMARY KEY, at_millis INTEGER NOT NULL) WITHOUT ROWID");
        statement.executeUpdate(
            "CREATE INDEX IF NOT EXISTS pending_alarm_by_time ON pending_alarm (at_millis)");
      } catch (SQLException e) {
        try {
          opened.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      connection = opened;
    }
    return connection;
  }

  /** Moves the entry of {@code id} to {@code at} if that is earlier, adding it if absent. */
  void lower(DurableObjectId id, Instant at) {
    update(
        "INSERT INTO pending_alarm (object_id, at_millis) VALUES (?, ?) ON CONFLICT (object_id) DO"
            + " UPDATE SET at_millis = min(at_millis, excluded.at_millis)",
        id.toString(),
        at.toEpochMilli());
  }

  /** Sets the entry of {@code id} to {@code at}, or removes it when empty. */
  void set(DurableObjectId id, Optional<Instant> at) {
    if (at.isPresent()) {
      update(
          "INSERT INTO pending_alarm (object_id, at_millis) VALUES (?, ?)"
              + " ON CONFLICT (object_id) DO UPDATE SET at_millis = excluded.at_millis",
          id.toString(),
          at.get().toEpochMilli());
    } else {
      update("DELETE FROM pending_alarm WHERE object_id = ?", id.toString());
    }
  }

  /** Returns up to {@code limit} objects whose entries are due at {@code now}, earliest first. */
  List<DurableObjectId> due(Instant now, int limit) {
    lock.lock();
    try {
      if (isEmptyWithoutFile()) {
        return List.of();
      }
      try (PreparedStatement statement =
          connection()
              .prepareStatement(
                  "SELECT object_id"
                      + " FROM pending_alarm WHERE at_millis <= ? ORDER BY at_millis LIMIT ?")) {
        statement.setLong(1, now.toEpochMilli());
        statement.setInt(2, limit);
        List<DurableObjectId> due = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            due.add(DurableObjectId.parse(rows.getString(1)));
          }
        }
        return due;
      }
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the earliest entry after {@code now}, or empty if there is none. */
  Optional<Instant> earliestAfter(Instant now) {
    lock.lock();
    try {
      if (isEmptyWithoutFile()) {
        return Optional.empty();
      }
      try (PreparedStatement statement =
          connection()
              .prepareStatement("SELECT min(at_millis) FROM pending_alarm WHERE at_millis > ?")) {
        statement.setLong(1, now.toEpochMilli());
        try (ResultSet row = statement.executeQuery()) {
          row.next(); // min() always returns one row, NULL when no entry matches
          long millis = row.getLong(1);
          return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
        }
      }
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    } finally {
      lock.unlock();
    }
  }

  /** Whether the index has never been written: no file, so no entries. Called under the lock. */
  private boolean isEmptyWithoutFile() {
    return connection == null && !closed && !Files.exists(file);
  }

  private void update(String sql, Object... parameters) {
    lock.lock();
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        SqlValues.bind(statement, i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    } finally {
      lock.unlock();
    }
  }
}
