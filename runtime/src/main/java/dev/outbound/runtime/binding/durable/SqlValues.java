package dev.outbound.runtime.binding.durable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Converts between the Java values of the SQL API and SQLite's storage classes. */
final class SqlValues {

  private SqlValues() {}

  /**
   * Binds {@code value} to the 1-based {@code parameter}.
   *
   * @throws IllegalArgumentException if the value is not null, a {@code String}, {@code Long},
   *     {@code Integer}, {@code Double}, {@code Boolean} or {@code byte[]}
   */
  static void bind(PreparedStatement statement, int parameter, Object value) throws SQLException {
    switch (value) {
      case null -> statement.setNull(parameter, Types.NULL);
      case String text -> statement.setString(parameter, text);
      case Long number -> statement.setLong(parameter, number);
      case Integer number -> statement.setLong(parameter, number);
      case Double number -> statement.setDouble(parameter, number);
      case Boolean flag -> statement.setLong(parameter, flag ? 1 : 0);
      case byte[] bytes -> statement.setBytes(parameter, bytes);
      default -> throw new IllegalArgumentException("binding " + parameter + " is a "
          + value.getClass().getName()
          + "; SQL bindings are null, String, Long, Integer, Double, Boolean or byte[]");
    }
  }

  /**
   * Reads the 1-based {@code column} as {@code Long}, {@code Double}, {@code String}, {@code
   * byte[]} or null.
   */
  static Object read(ResultSet row, int column) throws SQLException {
    Object value = row.getObject(column);
    // The driver returns small integers as Integer; the API promises Long for every INTEGER.
    return value instanceof Integer number ? Long.valueOf(number) : value;
  }
}
