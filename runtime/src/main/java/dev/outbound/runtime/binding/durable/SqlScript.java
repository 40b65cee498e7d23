package dev.outbound.runtime.binding.durable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements of the SQL text given to {@code exec}, split where SQLite would split them, and
 * checked against what the runtime does not allow: transaction control and its own tables.
 *
 * <p>The splitter is a port of SQLite's {@code sqlite3_complete} state machine, so that semicolons
 * in strings, comments and {@code CREATE TRIGGER ... BEGIN ...; END} bodies do not end a statement.
 */
final class SqlScript {

  /** Tables and other names starting with this are the runtime's; user SQL may not name them. */
  static final String RESERVED_PREFIX = "_outbound_";

  private static final Set<String> TRANSACTION_CONTROL =
      Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE");

  // Token kinds and states of sqlite3_complete, in its order.
  private static final int SEMI = 0;
  private static final int WHITESPACE = 1;
  private static final int OTHER = 2;
  private static final int EXPLAIN = 3;
  private static final int CREATE = 4;
  private static final int TEMP = 5;
  private static final int TRIGGER = 6;
  private static final int END = 7;

  private static final int START = 1;
  private static final int[][] TRANSITIONS = {
    // SEMI WS OTHER EXPLAIN CREATE TEMP TRIGGER END
    {1, 0, 2, 3, 4, 2, 2, 2}, // 0 invalid
    {1, 1, 2, 3, 4, 2, 2, 2}, // 1 start
    {1, 2, 2, 2, 2, 2, 2, 2}, // 2 normal
    {1, 3, 3, 2, 4, 2, 2, 2}, // 3 explain
    {1, 4, 2, 2, 2, 4, 5, 2}, // 4 create
    {6, 5, 5, 5, 5, 5, 5, 5}, // 5 trigger
    {6, 6, 5, 5, 5, 5, 5, 7}, // 6 semicolon in a trigger
    {1, 7, 5, 5, 5, 5, 5, 5}, // 7 end of a trigger
  };

  private SqlScript() {}

  /**
   * Returns the statements of {@code sql}, each without its closing semicolon.
   *
   * @throws IllegalArgumentException if there is no statement, a statement controls transactions,
   *     or a name or string starts with {@value #RESERVED_PREFIX}
   */
  static List<String> statements(String sql) {
    List<String> statements = new ArrayList<>();
    int state = 0;
    int statementStart = 0;
    String firstWord = null;
    int i = 0;
    while (i < sql.length()) {
      int tokenStart = i;
      int kind;
      char c = sql.charAt(i);
      if (" \t\n\f\r".indexOf(c) >= 0) {
        i++;
        kind = WHITESPACE;
      } else if (sql.startsWith("--", i)) {
        int newline = sql.indexOf('\n', i);
        i = newline < 0 ? sql.length() : newline + 1;
        kind = WHITESPACE;
      } else if (sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? sql.length() : close + 2;
        kind = WHITESPACE;
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = endOfQuoted(sql, i);
        // Strings too: SQLite takes 'name' as a name where it expects one.
        rejectReserved(sql.substring(tokenStart, i), sql.substring(tokenStart + 1, i));
        kind = OTHER;
      } else if (c == ';') {
        i++;
        kind = SEMI;
      } else if (isIdentifierChar(c)) {
        while (i < sql.length() && isIdentifierChar(sql.charAt(i))) {
          i++;
        }
        String word = sql.substring(tokenStart, i);
        rejectReserved(word, word);
        if (firstWord == null) {
          firstWord = word;
        }
        kind = keywordKind(word);
      } else {
        i++;
        kind = OTHER;
      }
      if (kind != WHITESPACE && kind != SEMI && firstWord == null) {
        firstWord = "";
      }
      state = TRANSITIONS[state][kind];
      if (kind == SEMI && state == START) {
        addStatement(statements, sql.substring(statementStart, tokenStart), firstWord);
        statementStart = i;
        firstWord = null;
      }
    }
    addStatement(statements, sql.substring(statementStart), firstWord);
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("the query has no SQL statement");
    }
    return statements;
  }

  private static void addStatement(List<String> statements, String text, String firstWord) {
    if (firstWord == null) {
      return; // only whitespace and comments
    }
    if (TRANSACTION_CONTROL.contains(firstWord.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          firstWord + " is not allowed in sql().exec: use transaction(...) instead");
    }
    statements.add(text.strip());
  }

  private static void rejectReserved(String token, String name) {
    if (name.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
      throw new IllegalArgumentException(
          token
              + ": names starting with "
              + RESERVED_PREFIX
              + " are reserved for the runtime's own tables");
    }
  }

  /** Returns the index after the quoted token at {@code start}; doubled quotes escape a quote. */
  private static int endOfQuoted(String sql, int start) {
    char close = sql.charAt(start) == '[' ? ']' : sql.charAt(start);
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == close) {
        if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length(); // unterminated: SQLite reports it when preparing
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
  }

  private static int keywordKind(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "explain" -> EXPLAIN;
      case "create" -> CREATE;
      case "temp", "temporary" -> TEMP;
      case "trigger" -> TRIGGER;
      case "end" -> END;
      default -> OTHER;
    };
  }
}
