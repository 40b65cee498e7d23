package dev.outbound.binding;

import java.util.List;
import java.util.Map;

/**
 * The rows of one {@link SqlStorage#exec} call, read once: iterate, or call {@link #toArray()} or
 * {@link #one()}. Each row maps column names, in column order, to {@code Long}, {@code Double},
 * {@code String}, {@code byte[]} or null.
 */
public interface SqlCursor extends Iterable<Map<String, Object>> {

  /** Returns the remaining rows. */
  List<Map<String, Object>> toArray();

  /**
   * Returns the only row.
   *
   * @throws IllegalStateException if there are no rows or more than one
   */
  Map<String, Object> one();

  /** Returns the column names of the result, in order. */
  List<String> columnNames();

  /** Returns how many rows the query has read so far. */
  long rowsRead();

  /** Returns how many rows the query has written so far. */
  long rowsWritten();
}
