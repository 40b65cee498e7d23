package dev.outbound.runtime.binding.durable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The open SQLite file of one durable object: the user's tables next to the runtime's own, {@code
 * _outbound_kv} for the key-value API and {@code _outbound_object} for the alarm and the activation
 * count. Used only under the object's lock.
 */
final class ObjectDatabase implements AutoCloseable {

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS _outbound_kv (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
        + " WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS _outbound_object (id INTEGER PRIMARY KEY CHECK (id = 0),"
        + " activation INTEGER NOT NULL, alarm_millis INTEGER)",
    "INSERT OR IGNORE INTO _outbound_object (id, activation) VALUES (0, 0)",
  };

  private final Connection connection;
  private int savepointDepth;

  private ObjectDatabase(Connection connection) {
    this.connection = connection;
  }

  /** Opens the object's file, creating it and the runtime's tables if needed. */
  static ObjectDatabase open(Path file) {
    Connection connection = SqliteFiles.open(file);
    try (Statement statement = connection.createStatement()) {
      for (String sql : SCHEMA) {
        statement.executeUpdate(sql);
      }
      return new ObjectDatabase(connection);
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw SqlFailures.ofStore(e);
    }
  }

  Connection connection() {
    return connection;
  }

  /** Returns whether a {@link #inSavepoint} body is running, so writes are not yet committed. */
  boolean inTransaction() {
    return savepointDepth > 0;
  }

  /**
   * Runs {@code body} inside a savepoint: released (committed, if outermost) when it returns,
   * rolled back when it throws. Savepoints nest, so this serves both transactions and nesting.
   */
  <R> R inSavepoint(Supplier<R> body) {
    String name = "outbound_" + savepointDepth;
    execute("SAVEPOINT " + name);
    savepointDepth++;
    try {
      R result = body.get();
      execute("RELEASE " + name);
      return result;
    } catch (Throwable failure) {
      try {
        execute("ROLLBACK TO " + name);
        execute("RELEASE " + name);
      } catch (RuntimeException rollback) {
        failure.addSuppressed(rollback);
      }
      throw failure;
    } finally {
      savepointDepth--;
    }
  }

  /** Counts one more activation of the object and returns the count, which stale stubs compare. */
  long recordActivation() {
    update("UPDATE _outbound_object SET activation = activation + 1");
    return activation();
  }

  /** Returns how many times the object has been activated. */
  long activation() {
    return queryLong("SELECT activation FROM _outbound_object").orElseThrow();
  }

  /** Runs one of the runtime's own writes and returns how many rows it changed. */
  int update(String sql, Object... parameters) {
    try (PreparedStatement statement = prepare(sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    }
  }

  /** Runs one of the runtime's own queries for one number: empty if no row or NULL. */
  OptionalLong queryLong(String sql, Object... parameters) {
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        return OptionalLong.empty();
      }
      long value = row.getLong(1);
      return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    }
  }

  /** Prepares one of the runtime's own statements with its parameters bound. */
  PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        SqlValues.bind(statement, i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    }
  }
}
