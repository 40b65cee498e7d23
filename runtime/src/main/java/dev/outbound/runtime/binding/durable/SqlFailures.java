package dev.outbound.runtime.binding.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteException;

/** Turns {@link SQLException}s into the unchecked exceptions the binding interfaces promise. */
final class SqlFailures {

  /** Primary SQLite result codes that mean the file, not the query, is at fault. */
  private static final Set<Integer> STORE_FAILURES =
      Set.of(
          10, // SQLITE_IOERR
          11, // SQLITE_CORRUPT
          13, // SQLITE_FULL
          14, // SQLITE_CANTOPEN
          26); // SQLITE_NOTADB

  private SqlFailures() {}

  /** For the runtime's own statements: any failure is the store's. */
  static UncheckedIOException ofStore(SQLException e) {
    return new UncheckedIOException(new IOException(e.getMessage(), e));
  }

  /**
   * For SQL the caller wrote: a syntax error or a failed constraint is the caller's ({@link
   * IllegalArgumentException}); a failing disk is still the store's.
   */
  static RuntimeException ofUserQuery(SQLException e) {
    if (e instanceof SQLiteException sqlite
        && STORE_FAILURES.contains(sqlite.getResultCode().code & 0xff)) {
      return ofStore(e);
    }
    return new IllegalArgumentException(e.getMessage(), e);
  }
}
