package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.SqlCursor;
import dev.outbound.binding.SqlStorage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SQL API of one object. {@code exec} runs every statement of the query, as Cloudflare's does,
 * all or none, taking the bindings in order; the cursor holds the rows of the last statement.
 *
 * <p>{@code rowsRead} counts the rows the statements returned and {@code rowsWritten} the rows
 * they inserted, updated or deleted (SQLite's {@code total_changes()}): the JDBC driver does not
 * expose SQLite's count of rows scanned, which Cloudflare reports as rows read.
 */
final class SqliteSql implements SqlStorage {

  private final ActiveObject<?> object;

  SqliteSql(ActiveObject<?> object) {
    this.object = object;
  }

  @Override
  public SqlCursor exec(String query, Object... bindings) {
    Objects.requireNonNull(bindings, "bindings");
    List<String> statements = SqlScript.statements(query);
    return object.call(() -> {
      ObjectDatabase database = object.database();
      return statements.size() == 1
          ? run(database, statements, bindings)
          : database.inSavepoint(() -> run(database, statements, bindings));
    });
  }

  @Override
  public long databaseSize() {
    return object.call(() -> object.database()
        .queryLong("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
        .orElseThrow());
  }

  private static SqlCursor run(
      ObjectDatabase database, List<String> statements, Object[] bindings) {
    long changesBefore = totalChanges(database);
    int bound = 0;
    long rowsRead = 0;
    List<String> columns = List.of();
    List<Map<String, Object>> rows = List.of();
    for (int index = 0; index < statements.size(); index++) {
      String sql = statements.get(index);
      try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
        int parameters = statement.getParameterMetaData().getParameterCount();
        boolean last = index == statements.size() - 1;
        int needed = bound + parameters;
        // Checked before the last statement runs, so a mismatch changes nothing.
        if (needed > bindings.length || (last && needed < bindings.length)) {
          throw new IllegalArgumentException(
              "the query's parameters do not match the " + bindings.length + " bindings given");
        }
        for (int i = 1; i <= parameters; i++) {
          SqlValues.bind(statement, i, bindings[bound++]);
        }
        if (statement.execute()) {
          try (ResultSet results = statement.getResultSet()) {
            columns = columnNames(results.getMetaData());
            rows = readRows(results, columns);
          }
        } else {
          columns = List.of();
          rows = List.of();
        }
        rowsRead += rows.size();
      } catch (SQLException e) {
        throw SqlFailures.ofUserQuery(e);
      }
    }
    return new BufferedSqlCursor(columns, rows, rowsRead, totalChanges(database) - changesBefore);
  }

  private static long totalChanges(ObjectDatabase database) {
    return database.queryLong("SELECT total_changes()").orElseThrow();
  }

  private static List<String> columnNames(ResultSetMetaData metadata) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= metadata.getColumnCount(); i++) {
      names.add(metadata.getColumnLabel(i));
    }
    return names;
  }

  private static List<Map<String, Object>> readRows(ResultSet results, List<String> columns)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    while (results.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), SqlValues.read(results, i + 1));
      }
      rows.add(Collections.unmodifiableMap(row));
    }
    return rows;
  }
}
