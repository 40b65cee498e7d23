package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void splitsAtSemicolonsOutsideStringsCommentsAndNames() {
    assertEquals(
        List.of(
            "SELECT 'a;b'",
            "SELECT \"c;\"\"d\"",
            "SELECT [e;f], `g;h`",
            "SELECT 1 -- x;y",
            "SELECT /* ; */ 2"),
        SqlScript.statements(
            "SELECT 'a;b'; SELECT \"c;\"\"d\"; SELECT [e;f], `g;h`;"
                + " SELECT 1 -- x;y\n; SELECT /* ; */ 2;"));
  }

  @Test
  void skipsEmptyStatements() {
    assertEquals(
        List.of("SELECT 1", "SELECT 2"),
        SqlScript.statements(" ;; SELECT 1 ;\n -- only a comment\n ; SELECT 2 ; /* end */"));
  }

  @Test
  void keepsATriggerBodyTogether() {
    String trigger = "CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2; END";
    assertEquals(List.of(trigger, "SELECT 3"), SqlScript.statements(trigger + "; SELECT 3"));
  }

  @Test
  void aColumnNamedEndDoesNotEndAnything() {
    assertEquals(
        List.of("SELECT end FROM x", "SELECT 1"),
        SqlScript.statements("SELECT end FROM x; SELECT 1"));
  }

  @Test
  void rejectsReservedNamesOnlyAsPrefixes() {
    assertEquals(
        List.of("SELECT x_outbound_ FROM my_outbound_table"),
        SqlScript.statements("SELECT x_outbound_ FROM my_outbound_table"));
    assertThrows(IllegalArgumentException.class, () -> SqlScript.statements("SELECT _Outbound_x"));
  }

  @Test
  void transactionWordsAreOnlyRejectedAsTheFirstWord() {
    assertEquals(
        List.of("SELECT 'begin', commit FROM rollback"),
        SqlScript.statements("SELECT 'begin', commit FROM rollback"));
    assertThrows(IllegalArgumentException.class, () -> SqlScript.statements("Commit"));
  }

  @Test
  void anEmptyQueryHasNoStatement() {
    assertThrows(IllegalArgumentException.class, () -> SqlScript.statements(" /* */ "));
  }
}
