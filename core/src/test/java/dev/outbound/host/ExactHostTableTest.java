package dev.outbound.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactHostTableTest {

  @Test
  void hostsWithTheSameHashAreToldApartByTheirText() {
    // "Aa", "BB" and "C#" share String.hashCode, so they probe the same slots
    ExactHostTable<String> table =
        ExactHostTable.of(Map.of("Aa", Map.of(-1, "first"), "BB", Map.of(-1, "second")));
    assertEquals("first", table.get("Aa", 80));
    assertEquals("second", table.get("BB", 80));
    assertNull(table.get("C#", 80));
  }

  @Test
  void aHostIsNotItsPrefixNorItsNeighbourInTheText() {
    ExactHostTable<String> table =
        ExactHostTable.of(
            Map.of("a.example", Map.of(-1, "short"), "a.example.com", Map.of(-1, "long")));
    assertEquals("short", table.get("a.example", 80));
    assertEquals("long", table.get("a.example.com", 80));
    assertNull(table.get("a.exampl", 80));
    assertNull(table.get("a.examplea.example.com", 80));
  }

  @Test
  void findsEveryOneOfManyHostsAndItsPorts() {
    Map<String, Map<Integer, String>> hosts = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      hosts.put("api-" + i + ".service" + (i % 97) + ".example.com", Map.of(-1, "any-" + i));
    }
    hosts.put("ports.example.com", Map.of(-1, "any-port", 8080, "on-8080", 9090, "on-9090"));
    hosts.put("only-port.example.com", Map.of(443, "on-443"));
    ExactHostTable<String> table = ExactHostTable.of(hosts);

    for (int i = 0; i < 10_000; i++) {
      String host = "api-" + i + ".service" + (i % 97) + ".example.com";
      // a host of its own, not the table's key object
      assertEquals("any-" + i, table.get(new String(host), 80), host);
    }
    assertEquals("on-8080", table.get("ports.example.com", 8080));
    assertEquals("on-9090", table.get("ports.example.com", 9090));
    assertEquals("any-port", table.get("ports.example.com", 80));
    assertEquals("on-443", table.get("only-port.example.com", 443));
    assertNull(table.get("only-port.example.com", 80));
    assertNull(table.get("api-10000.service9.example.com", 80));
  }

  @Test
  void anEmptyTableFindsNothing() {
    assertNull(ExactHostTable.<String>of(Map.of()).get("my.kv", 80));
  }
}
