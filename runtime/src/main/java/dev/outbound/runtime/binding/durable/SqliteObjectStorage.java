package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectStorage;
import dev.outbound.binding.SqlStorage;
import dev.outbound.binding.StorageLimits;
import dev.outbound.binding.StorageListOptions;
import dev.outbound.binding.Utf8;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A durable object's storage over its SQLite file. Every method runs as a call of the object, under
 * its lock, so storage is safe to use from any thread and never runs beside the object's methods.
 * Key-value entries live in the reserved table {@code _outbound_kv}.
 */
final class SqliteObjectStorage implements DurableObjectStorage {

  private final ActiveObject<?> object;
  private final SqlStorage sql;
  private final ObjectAlarm alarm;

  SqliteObjectStorage(ActiveObject<?> object, SqlStorage sql, ObjectAlarm alarm) {
    this.object = object;
    this.sql = sql;
    this.alarm = alarm;
  }

  @Override
  public SqlStorage sql() {
    return sql;
  }

  @Override
  public <R> R transaction(Function<DurableObjectStorage, R> body) {
    Objects.requireNonNull(body, "body");
    return object.call(() -> {
      try {
        return object.database().inSavepoint(() -> body.apply(this));
      } finally {
        alarm.syncUnlessInTransaction();
      }
    });
  }

  @Override
  public Optional<byte[]> get(String key) {
    checkKey(key);
    return object.call(() -> read(key));
  }

  @Override
  public Map<String, byte[]> get(Collection<String> keys) {
    StorageLimits.checkBatch(keys);
    keys.forEach(SqliteObjectStorage::checkKey);
    return object.call(() -> {
      Map<String, byte[]> values = new LinkedHashMap<>();
      for (String key : keys) {
        read(key).ifPresent(value -> values.put(key, value));
      }
      return values;
    });
  }

  @Override
  public void put(String key, byte[] value) {
    StorageLimits.checkEntry(key, Objects.requireNonNull(value, "value"));
    object.run(() -> write(key, value));
  }

  @Override
  public void put(Map<String, byte[]> entries) {
    StorageLimits.checkBatch(entries.keySet());
    entries.forEach((key, value) -> StorageLimits.checkEntry(key, Objects.requireNonNull(value)));
    object.run(() -> object.database().inSavepoint(() -> {
      entries.forEach(this::write);
      return null;
    }));
  }

  @Override
  public boolean delete(String key) {
    checkKey(key);
    return object.call(() -> remove(key));
  }

  @Override
  public int delete(Collection<String> keys) {
    StorageLimits.checkBatch(keys);
    keys.forEach(SqliteObjectStorage::checkKey);
    return object.call(() -> object.database().inSavepoint(() -> {
      int deleted = 0;
      for (String key : keys) {
        deleted += remove(key) ? 1 : 0;
      }
      return deleted;
    }));
  }

  @Override
  public SortedMap<String, byte[]> list(StorageListOptions options) {
    options.start().ifPresent(SqliteObjectStorage::checkKey);
    options.end().ifPresent(SqliteObjectStorage::checkKey);
    options.prefix().ifPresent(SqliteObjectStorage::checkKey);
    KeyRange range = KeyRange.of(options);
    SortedMap<String, byte[]> entries =
        new TreeMap<>(options.reverse() ? Utf8.BYTE_ORDER.reversed() : Utf8.BYTE_ORDER);
    if (range.isEmpty()) {
      return Collections.unmodifiableSortedMap(entries);
    }
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    range.lower().ifPresent(lower -> {
      conditions.add("key >= ?");
      parameters.add(lower);
    });
    range.upper().ifPresent(upper -> {
      conditions.add("key < ?");
      parameters.add(upper);
    });
    parameters.add(options.limit().orElse(-1)); // SQLite reads a negative limit as none
    String query = "SELECT key, value FROM _outbound_kv"
        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
        + " ORDER BY key" + (options.reverse() ? " DESC" : "") + " LIMIT ?";
    return object.call(() -> {
      try (PreparedStatement statement = object.database().prepare(query, parameters.toArray());
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          entries.put(rows.getString(1), rows.getBytes(2));
        }
        return Collections.unmodifiableSortedMap(entries);
      } catch (SQLException e) {
        throw SqlFailures.ofStore(e);
      }
    });
  }

  @Override
  public void setAlarm(Instant at) {
    Objects.requireNonNull(at, "at");
    object.run(() -> {
      alarm.set(at);
      alarm.syncUnlessInTransaction();
    });
  }

  @Override
  public Optional<Instant> getAlarm() {
    return object.call(alarm::get);
  }

  @Override
  public void deleteAlarm() {
    object.run(() -> {
      alarm.delete();
      alarm.syncUnlessInTransaction();
    });
  }

  @Override
  public void deleteAll() {
    object.run(() -> {
      ObjectDatabase database = object.database();
      try {
        database.inSavepoint(() -> {
          dropUserSchema(database);
          database.update("DELETE FROM _outbound_kv");
          alarm.delete();
          return null;
        });
      } finally {
        alarm.syncUnlessInTransaction();
      }
    });
  }

  /** The alarm, for delivery by the scheduler. */
  ObjectAlarm alarm() {
    return alarm;
  }

  private Optional<byte[]> read(String key) {
    try (PreparedStatement statement =
            object.database().prepare("SELECT value FROM _outbound_kv WHERE key = ?", key);
        ResultSet row = statement.executeQuery()) {
      return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    }
  }

  private void write(String key, byte[] value) {
    object.database().update("INSERT INTO _outbound_kv (key, value) VALUES (?, ?)"
        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }

  private boolean remove(String key) {
    return object.database().update("DELETE FROM _outbound_kv WHERE key = ?", key) > 0;
  }

  /** Drops the user's tables and views (with their indexes and triggers), not the runtime's. */
  private static void dropUserSchema(ObjectDatabase database) {
    List<String> drops = new ArrayList<>();
    try (PreparedStatement statement = database.prepare("SELECT type, name FROM sqlite_schema"
            + " WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            + " AND name NOT LIKE '\\_outbound\\_%' ESCAPE '\\'"
            // Virtual tables first: dropping one drops its shadow tables.
            + " ORDER BY sql LIKE 'CREATE VIRTUAL%' DESC");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String name = rows.getString(2).replace("\"", "\"\"");
        String type = rows.getString(1).toUpperCase(Locale.ROOT);
        drops.add("DROP " + type + " IF EXISTS \"" + name + "\"");
      }
    } catch (SQLException e) {
      throw SqlFailures.ofStore(e);
    }
    drops.forEach(database::update);
  }

  private static void checkKey(String key) {
    Utf8.length(key, "storage key");
  }
}
