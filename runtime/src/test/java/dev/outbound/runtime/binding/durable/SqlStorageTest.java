package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.DurableObjectStorage;
import dev.outbound.binding.SqlCursor;
import dev.outbound.binding.SqlStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlStorageTest {

  @TempDir Path directory;
  private SqliteDurableObjectNamespace<Scratch> namespace;
  private DurableObjectStorage storage;
  private SqlStorage sql;

  @BeforeEach
  void open() {
    namespace = Namespaces.scratch(directory);
    storage = namespace.get(namespace.idFromName("sql")).storage();
    sql = storage.sql();
  }

  @AfterEach
  void close() {
    namespace.close();
  }

  @Test
  void bindsEveryTypeAndReadsRowsBackInColumnOrder() {
    sql.exec("CREATE TABLE t (s TEXT, l INTEGER, i INTEGER, d REAL, b BLOB, f INTEGER, n TEXT)");
    sql.exec("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)",
        "text", 1L << 40, 7, 2.5, new byte[] {1, 2}, true, null);

    SqlCursor cursor = sql.exec("SELECT * FROM t");

    assertEquals(List.of("s", "l", "i", "d", "b", "f", "n"), cursor.columnNames());
    Map<String, Object> row = cursor.one();
    assertEquals(List.of("s", "l", "i", "d", "b", "f", "n"), List.copyOf(row.keySet()));
    assertEquals("text", row.get("s"));
    assertEquals(1L << 40, row.get("l"));
    assertEquals(7L, row.get("i"));
    assertEquals(2.5, row.get("d"));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) row.get("b"));
    assertEquals(1L, row.get("f"));
    assertTrue(row.containsKey("n"));
    assertNull(row.get("n"));
  }

  @Test
  void toArrayReturnsEveryRowAndTheCursorIsReadOnce() {
    sql.exec("CREATE TABLE t (x INTEGER)");
    sql.exec("INSERT INTO t VALUES (1), (2), (3)");

    SqlCursor cursor = sql.exec("SELECT x FROM t ORDER BY x");
    assertEquals(List.of(Map.of("x", 1L), Map.of("x", 2L), Map.of("x", 3L)), cursor.toArray());
    assertEquals(List.of(), cursor.toArray());

    List<Object> iterated = new ArrayList<>();
    sql.exec("SELECT x FROM t ORDER BY x DESC").forEach(row -> iterated.add(row.get("x")));
    assertEquals(List.of(3L, 2L, 1L), iterated);
  }

  @Test
  void oneRequiresExactlyOneRow() {
    sql.exec("CREATE TABLE t (x INTEGER)");
    assertThrows(IllegalStateException.class, () -> sql.exec("SELECT x FROM t").one());
    sql.exec("INSERT INTO t VALUES (1), (2)");
    IllegalStateException two =
        assertThrows(IllegalStateException.class, () -> sql.exec("SELECT x FROM t").one());
    assertEquals("expected exactly one row, the query returned 2", two.getMessage());
    assertEquals(Map.of("x", 1L), sql.exec("SELECT x FROM t WHERE x = ?", 1).one());
  }

  @Test
  void countsRowsReadAndWritten() {
    sql.exec("CREATE TABLE t (x INTEGER)");

    SqlCursor insert = sql.exec("INSERT INTO t VALUES (1), (2), (3)");
    assertEquals(3, insert.rowsWritten());
    assertEquals(0, insert.rowsRead());

    SqlCursor update = sql.exec("UPDATE t SET x = x + 10 WHERE x > 1");
    assertEquals(2, update.rowsWritten());

    SqlCursor select = sql.exec("SELECT x FROM t");
    assertEquals(3, select.rowsRead());
    assertEquals(0, select.rowsWritten());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "BEGIN", "begin transaction", "BEGIN IMMEDIATE", "COMMIT", "END", "ROLLBACK",
    "SAVEPOINT s", "RELEASE s", "  /* first */ -- second\n begin",
    "CREATE TABLE a (x); BEGIN"})
  void rejectsTransactionControl(String query) {
    IllegalArgumentException rejected =
        assertThrows(IllegalArgumentException.class, () -> sql.exec(query));
    assertTrue(rejected.getMessage().contains("use transaction(...)"), rejected.getMessage());
    assertEquals(List.of(), tableNames(), "nothing of the query ran");
  }

  @Test
  void runsEveryStatementOfAQueryTakingBindingsInOrder() {
    SqlCursor last = sql.exec("""
        CREATE TABLE t (x TEXT, y INTEGER);
        INSERT INTO t VALUES (?, ?);  -- a comment; with a semicolon
        INSERT INTO t VALUES ('a;b', ?);
        SELECT x, y FROM t ORDER BY y;
        """, "first", 1, 2);

    assertEquals(List.of("x", "y"), last.columnNames());
    assertEquals(List.of(Map.of("x", "first", "y", 1L), Map.of("x", "a;b", "y", 2L)),
        last.toArray());
    assertEquals(2, last.rowsWritten());
  }

  @Test
  void aQueryWhoseLaterStatementFailsChangesNothing() {
    assertThrows(IllegalArgumentException.class,
        () -> sql.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1); INSERT INTO no VALUES (1)"));
    assertEquals(List.of(), tableNames());
  }

  @Test
  void aTriggerBodyIsOneStatement() {
    sql.exec("""
        CREATE TABLE t (x INTEGER);
        CREATE TABLE audit (x INTEGER);
        CREATE TRIGGER copy AFTER INSERT ON t BEGIN
          INSERT INTO audit VALUES (new.x);
          INSERT INTO audit VALUES (new.x * 10);
        END;
        """);
    sql.exec("INSERT INTO t VALUES (?)", 4);
    assertEquals(List.of(Map.of("x", 4L), Map.of("x", 40L)),
        sql.exec("SELECT x FROM audit ORDER BY x").toArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "SELECT * FROM _outbound_kv", "SELECT * FROM main._OUTBOUND_kv", "DROP TABLE \"_outbound_kv\"",
    "DELETE FROM [_outbound_object]", "PRAGMA table_info('_outbound_kv')"})
  void userSqlCannotNameTheRuntimesTables(String query) {
    storage.putText("kept", "yes");
    IllegalArgumentException rejected =
        assertThrows(IllegalArgumentException.class, () -> sql.exec(query));
    assertTrue(rejected.getMessage().contains("reserved"), rejected.getMessage());
    assertEquals(Optional.of("yes"), storage.getText("kept"));
  }

  @Test
  void rejectsBindingsThatDoNotMatchWithoutWriting() {
    sql.exec("CREATE TABLE t (x)");
    assertThrows(IllegalArgumentException.class, () -> sql.exec("INSERT INTO t VALUES (?)", 1, 2));
    assertThrows(IllegalArgumentException.class, () -> sql.exec("INSERT INTO t VALUES (?, ?)", 1));
    IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
        () -> sql.exec("INSERT INTO t VALUES (?)", 1f));
    assertTrue(wrongType.getMessage().contains("java.lang.Float"), wrongType.getMessage());
    assertEquals(0L, sql.exec("SELECT count(*) AS n FROM t").one().get("n"));
  }

  @Test
  void reportsSqlErrorsAsIllegalArguments() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> sql.exec("SELEC 1"));
    assertTrue(error.getMessage().contains("syntax error"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> sql.exec("  -- nothing\n ; "));
  }

  @Test
  void databaseSizeGrowsWithData() {
    long empty = sql.databaseSize();
    sql.exec("CREATE TABLE t (b BLOB)");
    sql.exec("INSERT INTO t VALUES (?)", (Object) new byte[100_000]);
    assertTrue(sql.databaseSize() >= empty + 100_000, "size " + sql.databaseSize());
  }

  @Test
  void deleteAllDropsTablesAndKeys() {
    sql.exec("CREATE TABLE t (x); CREATE INDEX t_x ON t (x); CREATE VIEW v AS SELECT x FROM t");
    sql.exec("CREATE VIRTUAL TABLE docs USING fts5(body)");
    storage.putText("key", "value");

    storage.deleteAll();

    assertEquals(List.of(), tableNames());
    assertEquals(Optional.empty(), storage.get("key"));
    sql.exec("CREATE TABLE t (x)"); // the name is free again
    assertFalse(tableNames().isEmpty());
  }

  private List<Object> tableNames() {
    return sql.exec("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')"
            + " AND name NOT LIKE ? ESCAPE '!' ORDER BY name", "!_outbound!_%")
        .toArray().stream().map(row -> row.get("name")).toList();
  }
}
