package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outbound.binding.DurableObjectStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {

  @TempDir Path directory;
  private SqliteDurableObjectNamespace<Scratch> namespace;
  private DurableObjectStorage storage;

  @BeforeEach
  void open() {
    namespace = Namespaces.scratch(directory);
    storage = namespace.get(namespace.idFromName("tx")).storage();
    storage.sql().exec("CREATE TABLE t (x INTEGER)");
  }

  @AfterEach
  void close() {
    namespace.close();
  }

  @Test
  void commitsSqlAndKeyValueWritesTogether() {
    long result = storage.transaction(tx -> {
      tx.sql().exec("INSERT INTO t VALUES (1)");
      tx.putText("k", "v");
      return 42L;
    });

    assertEquals(42L, result);
    assertEquals(Optional.of("v"), storage.getText("k"));
    assertEquals(List.of(Map.of("x", 1L)), storage.sql().exec("SELECT x FROM t").toArray());
  }

  @Test
  void anExceptionRollsEverythingBackAndPropagates() {
    IllegalStateException thrown = new IllegalStateException("abort");

    IllegalStateException caught = assertThrows(IllegalStateException.class,
        () -> storage.transaction(tx -> {
          tx.sql().exec("INSERT INTO t VALUES (1)");
          tx.sql().exec("CREATE TABLE created_inside (y)");
          tx.putText("k", "v");
          tx.delete("missing");
          throw thrown;
        }));

    assertSame(thrown, caught);
    assertEquals(Optional.empty(), storage.get("k"));
    assertEquals(0L, storage.sql().exec("SELECT count(*) AS n FROM t").one().get("n"));
    assertEquals(0L, storage.sql()
        .exec("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'created_inside'")
        .one().get("n"));
  }

  @Test
  void aNestedTransactionRollsBackOnlyItsOwnWrites() {
    storage.transaction(outer -> {
      outer.putText("outer", "kept");
      assertThrows(IllegalStateException.class, () -> outer.transaction(inner -> {
        inner.putText("inner", "dropped");
        throw new IllegalStateException("inner fails");
      }));
      outer.transaction(inner -> {
        inner.putText("second inner", "kept");
        return null;
      });
      return null;
    });

    assertEquals(Optional.of("kept"), storage.getText("outer"));
    assertEquals(Optional.empty(), storage.getText("inner"));
    assertEquals(Optional.of("kept"), storage.getText("second inner"));
  }

  @Test
  void writesOutsideATransactionCommitOneByOne() {
    storage.putText("first", "1");
    assertThrows(IllegalArgumentException.class,
        () -> storage.sql().exec("INSERT INTO nope VALUES (1)"));
    assertEquals(Optional.of("1"), storage.getText("first"));
  }
}
