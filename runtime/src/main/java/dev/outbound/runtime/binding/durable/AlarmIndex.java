package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectId;
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
 * The namespace's list of pending alarms, {@code _alarms.sqlite}, so that finding due alarms
 * after a restart reads one file instead of every object's.
 *
 * <p>The object's own file holds the truth; this index only says when to look. It is kept at or
 * before the truth: lowered before an object writes its alarm, set to the truth after the write
 * commits. A crash in between leaves an early entry, which delivery finds not due and corrects,
 * never a late or missing one.
 */
final class AlarmIndex implements AutoCloseable {

  static final String FILE_NAME = "_alarms.sqlite";

  private final ReentrantLock lock = new ReentrantLock();
  private final Connection connection;

  private AlarmIndex(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating if needed) the index in {@code directory}. */
  static AlarmIndex open(Path directory) {
    Connection connection = SqliteFiles.open(directory.resolve(FILE_NAME));
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE IF NOT EXISTS pending_alarm"
          + " (object_id TEXT PRIMARY KEY, at_millis INTEGER NOT NULL) WITHOUT ROWID");
      statement.executeUpdate(
          "CREATE INDEX IF NOT EXISTS pending_alarm_by_time ON pending_alarm (at_millis)");
      return new AlarmIndex(connection);
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw SqlFailures.ofStore(e);
    }
  }

  /** Moves the entry of {@code id} to {@code at} if that is earlier, adding it if absent. */
  void lower(DurableObjectId id, Instant at) {
    update("INSERT INTO pending_alarm (object_id, at_millis) VALUES (?, ?)"
        + " ON CONFLICT (object_id) DO UPDATE SET at_millis = min(at_millis, excluded.at_millis)",
        id.toString(), at.toEpochMilli());
  }

  /** Sets the entry of {@code id} to {@code at}, or removes it when empty. */
  void set(DurableObjectId id, Optional<Instant> at) {
    if (at.isPresent()) {
      update("INSERT INTO pending_alarm (object_id, at_millis) VALUES (?, ?)"
          + " ON CONFLICT (object_id) DO UPDATE SET at_millis = excluded.at_millis",
          id.toString(), at.get().toEpochMilli());
    } else {
      update("DELETE FROM pending_alarm WHERE object_id = ?", id.toString());
    }
  }

  /** Returns up to {@code limit} objects whose entries are due at {@code now}, earliest first. */
  List<DurableObjectId> due(Instant now, int limit) {
    lock.lock();
    try (PreparedStatement statement = connection.prepareStatement("SELECT object_id"
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
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the earliest entry after {@code now}, or empty if there is none. */
  Optional<Instant> earliestAfter(Instant now) {
    lock.lock();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT min(at_millis) FROM pending_alarm WHERE at_millis > ?")) {
      statement.setLong(1, now.toEpochMilli());
      try (ResultSet row = statement.executeQuery()) {
        row.next(); // min() always returns one row, NULL when no entry matches
        long millis = row.getLong(1);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
      }
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    } finally {
      lock.unlock();
    }
  }

  private void update(String sql, Object... parameters) {
    lock.lock();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
      connection.close();
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    } finally {
      lock.unlock();
    }
  }
}
