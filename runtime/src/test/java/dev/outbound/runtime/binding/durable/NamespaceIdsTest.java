package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.DurableObjectId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceIdsTest {

  @TempDir Path directory;

  @Test
  void idFromNameIsTheHashOfNamespaceAndNameOnEveryRun() throws Exception {
    DurableObjectId first;
    try (var namespace = Namespaces.scratch(directory)) {
      first = namespace.idFromName("alice");
      assertEquals(first, namespace.idFromName("alice"));
      assertNotEquals(first, namespace.idFromName("bob"));
    }
    try (var reopened = Namespaces.scratch(directory)) {
      assertEquals(first, reopened.idFromName("alice"));
    }
    assertEquals(sha256Hex("scratch/alice"), first.toString());
    assertEquals(Optional.of("alice"), first.name());
  }

  @Test
  void sameNameInAnotherNamespaceIsAnotherObject() {
    try (var scratch = Namespaces.scratch(directory.resolve("a"));
        var counters = Namespaces.counters(directory.resolve("b"), new ActivationLog(), 10)) {
      assertNotEquals(scratch.idFromName("x"), counters.idFromName("x"));
    }
  }

  @Test
  void idFromStringRoundTripsAndAcceptsContainerIds() throws Exception {
    try (var namespace = Namespaces.scratch(directory)) {
      DurableObjectId id = namespace.newUniqueId();
      assertEquals(id, namespace.idFromString(id.toString()));

      String containerId = sha256Hex("outbound/container/com.example.MyContainer/instance-1");
      DurableObjectId parsed = namespace.idFromString(containerId);
      namespace.get(parsed).storage().putText("k", "v");
      assertEquals(Optional.of("v"), namespace.get(parsed).storage().getText("k"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
        " 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde"
      })
  void idFromStringRejectsMalformedIds(String malformed) {
    try (var namespace = Namespaces.scratch(directory)) {
      IllegalArgumentException rejected =
          assertThrows(IllegalArgumentException.class, () -> namespace.idFromString(malformed));
      assertTrue(rejected.getMessage().contains("64 lowercase hex digits"), rejected.getMessage());
    }
  }

  @Test
  void newUniqueIdsDiffer() {
    try (var namespace = Namespaces.scratch(directory)) {
      Set<DurableObjectId> ids = new HashSet<>();
      for (int i = 0; i < 1000; i++) {
        assertTrue(ids.add(namespace.newUniqueId()));
      }
    }
  }

  private static String sha256Hex(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
