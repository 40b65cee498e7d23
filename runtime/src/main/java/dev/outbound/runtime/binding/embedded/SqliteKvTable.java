package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.KvKey;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the KV table. Keys are stored as BLOBs of their UTF-8 bytes because SQLite compares
 * BLOBs with {@code memcmp}, which is UTF-8 byte order; prefixes are matched with byte ranges,
 * never {@code LIKE}, which treats {@code %} and {@code _} as wildcards and ignores ASCII case.
 * Expirations are epoch seconds; a row is alive while its expiration is after the current second.
 */
final class SqliteKvTable {

  /** A stored value with its metadata JSON and expiration. */
  record Row(byte[] value, Optional<String> metadataJson, Optional<Instant> expiration) {}

  private static final String ALIVE = "(expiration IS NULL OR expiration > ?)";

  private SqliteKvTable() {}

  /** Creates the table and its expiration index unless they exist. */
  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          """
          CREATE TABLE IF NOT EXISTS kv (
            key BLOB NOT NULL PRIMARY KEY,
            value BLOB NOT NULL,
            expiration INTEGER,
            metadata TEXT
          )
          """);
      // Partial, so that keys that never expire cost nothing in it; the sweep reads only this.
      statement.execute(
          "CREATE INDEX IF NOT EXISTS kv_expiration ON kv (expiration)"
              + " WHERE expiration IS NOT NULL");
    }
  }

  /** Returns the live row of {@code key} at {@code nowSecond}, if there is one. */
  static Optional<Row> read(Connection connection, String key, long nowSecond) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT value, metadata, expiration FROM kv WHERE key = ? AND " + ALIVE)) {
      select.setBytes(1, utf8(key));
      select.setLong(2, nowSecond);
      try (ResultSet result = select.executeQuery()) {
        if (!result.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Row(
                result.getBytes(1),
                Optional.ofNullable(result.getString(2)),
                expiration(result, 3)));
      }
    }
  }

  /** Returns the live values of those of {@code keys} that have one, in one query. */
  static Map<String, byte[]> readMany(
      Connection connection, Collection<String> keys, long nowSecond) throws SQLException {
    String placeholders = String.join(", ", Collections.nCopies(keys.size(), "?"));
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT key, value FROM kv WHERE key IN (" + placeholders + ") AND " + ALIVE)) {
      int parameter = 1;
      for (String key : keys) {
        select.setBytes(parameter++, utf8(key));
      }
      select.setLong(parameter, nowSecond);
      Map<String, byte[]> values = new HashMap<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          values.put(new String(result.getBytes(1), StandardCharsets.UTF_8), result.getBytes(2));
        }
      }
      return values;
    }
  }

  /** Stores {@code value} under {@code key}, replacing the value, expiration and metadata. */
  static void write(
      Connection connection,
      String key,
      byte[] value,
      Optional<Instant> expiration,
      Optional<String> metadataJson)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            """
            INSERT INTO kv (key, value, expiration, metadata) VALUES (?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET
              value = excluded.value,
              expiration = excluded.expiration,
              metadata = excluded.metadata
            """)) {
      upsert.setBytes(1, utf8(key));
      upsert.setBytes(2, value);
      if (expiration.isPresent()) {
        upsert.setLong(3, expiration.get().getEpochSecond());
      } else {
        upsert.setNull(3, Types.INTEGER);
      }
      upsert.setString(4, metadataJson.orElse(null));
      upsert.executeUpdate();
    }
  }

  /** Deletes {@code key}, if it is there. */
  static void delete(Connection connection, String key) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM kv WHERE key = ?")) {
      delete.setBytes(1, utf8(key));
      delete.executeUpdate();
    }
  }

  /** Deletes at most {@code max} rows that expired by {@code nowSecond}, oldest first. */
  static void deleteExpired(Connection connection, long nowSecond, long max) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM kv WHERE rowid IN"
                + " (SELECT rowid FROM kv WHERE expiration <= ? ORDER BY expiration LIMIT ?)")) {
      delete.setLong(1, nowSecond);
      delete.setLong(2, max);
      delete.executeUpdate();
    }
  }

  /**
   * Lists at most {@code max} live keys in byte order that start with {@code prefix} and come after
   * {@code after}, each empty for no restriction.
   */
  static List<KvKey> list(
      Connection connection,
      Optional<String> prefix,
      Optional<byte[]> after,
      long nowSecond,
      int max)
      throws SQLException {
    Optional<byte[]> start = prefix.map(SqliteKvTable::utf8).filter(bytes -> bytes.length > 0);
    StringBuilder sql =
        new StringBuilder("SELECT key, expiration, metadata FROM kv WHERE ").append(ALIVE);
    start.ifPresent(s -> sql.append(" AND key >= ? AND key < ?"));
    after.ifPresent(a -> sql.append(" AND key > ?"));
    sql.append(" ORDER BY key LIMIT ?");
    try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
      int parameter = 1;
      select.setLong(parameter++, nowSecond);
      if (start.isPresent()) {
        select.setBytes(parameter++, start.get());
        select.setBytes(parameter++, firstAfterAllStartingWith(start.get()));
      }
      if (after.isPresent()) {
        select.setBytes(parameter++, after.get());
      }
      select.setInt(parameter, max);
      List<KvKey> keys = new ArrayList<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          keys.add(
              new KvKey(
                  new String(result.getBytes(1), StandardCharsets.UTF_8),
                  expiration(result, 2),
                  Optional.ofNullable(result.getString(3))));
        }
      }
      return keys;
    }
  }

  /**
   * Returns the least byte string greater than every string that starts with {@code prefix}: the
   * prefix with its last byte incremented. UTF-8 never contains the byte 0xFF, so the increment
   * never overflows.
   */
  private static byte[] firstAfterAllStartingWith(byte[] prefix) {
    byte[] bound = prefix.clone();
    bound[bound.length - 1]++;
    return bound;
  }

  private static Optional<Instant> expiration(ResultSet result, int column) throws SQLException {
    long seconds = result.getLong(column);
    return result.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
