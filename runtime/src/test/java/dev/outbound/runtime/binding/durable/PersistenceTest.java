package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.DurableObjectId;
import dev.outbound.binding.SqlStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {

  @TempDir Path dataDir;

  @Test
  void stateSurvivesClosingAndReopeningTheNamespace() {
    Path directory = SqliteDurableObjectNamespace.directoryUnder(dataDir, "counters");
    ActivationLog activations = new ActivationLog();
    DurableObjectId id;
    try (var counters = Namespaces.counters(directory, activations, 10)) {
      id = counters.idFromName("persistent");
      counters.get(id).increment();
      counters.get(id).increment();
    }

    try (var reopened = Namespaces.counters(directory, activations, 10)) {
      assertEquals(3, reopened.get(id).increment());
    }
    assertEquals(2, activations.activations(id));
    assertTrue(Files.isRegularFile(dataDir.resolve("durable-objects/counters/" + id + ".sqlite")));
  }

  @Test
  void eachObjectFileIsInWalModeWithFullSync() {
    try (var scratch = Namespaces.scratch(dataDir)) {
      SqlStorage sql = scratch.get(scratch.idFromName("durable")).storage().sql();
      assertEquals(Map.of("journal_mode", "wal"), sql.exec("PRAGMA journal_mode").one());
      assertEquals(Map.of("synchronous", 2L), sql.exec("PRAGMA synchronous").one());
    }
  }

  @Test
  void objectsOfOneNamespaceHaveSeparateFiles() {
    try (var scratch = Namespaces.scratch(dataDir)) {
      DurableObjectId first = scratch.idFromName("first");
      DurableObjectId second = scratch.newUniqueId();
      scratch.get(first).storage().sql().exec("CREATE TABLE mine (x)");

      assertEquals(
          0L,
          scratch
              .get(second)
              .storage()
              .sql()
              .exec("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'mine'")
              .one()
              .get("n"));
      assertTrue(Files.exists(dataDir.resolve(first + ".sqlite")));
      assertTrue(Files.exists(dataDir.resolve(second + ".sqlite")));
    }
  }
}
