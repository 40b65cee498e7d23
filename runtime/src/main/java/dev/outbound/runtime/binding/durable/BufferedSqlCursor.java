package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.SqlCursor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of one {@code exec}, read in full while the object's lock was held: a cursor that
 * outlives the call, or is read on another thread, never touches the connection.
 */
final class BufferedSqlCursor implements SqlCursor {

  private final List<String> columnNames;
  private final List<Map<String, Object>> rows;
  private final long rowsRead;
  private final long rowsWritten;
  private int next;

  BufferedSqlCursor(
      List<String> columnNames, List<Map<String, Object>> rows, long rowsRead, long rowsWritten) {
    this.columnNames = List.copyOf(columnNames);
    this.rows = rows;
    this.rowsRead = rowsRead;
    this.rowsWritten = rowsWritten;
  }

  @Override
  public Iterator<Map<String, Object>> iterator() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return next < rows.size();
      }

      @Override
      public Map<String, Object> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return rows.get(next++);
      }
    };
  }

  @Override
  public List<Map<String, Object>> toArray() {
    List<Map<String, Object>> remaining = List.copyOf(rows.subList(next, rows.size()));
    next = rows.size();
    return remaining;
  }

  @Override
  public Map<String, Object> one() {
    int remaining = rows.size() - next;
    if (remaining != 1) {
      throw new IllegalStateException("expected exactly one row, the query returned " + remaining);
    }
    return rows.get(next++);
  }

  @Override
  public List<String> columnNames() {
    return columnNames;
  }

  @Override
  public long rowsRead() {
    return rowsRead;
  }

  @Override
  public long rowsWritten() {
    return rowsWritten;
  }
}
