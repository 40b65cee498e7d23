package dev.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeadersTest {

  @Test
  void namesAreCaseInsensitiveAndValuesKeepTheirOrder() {
    Headers headers =
        Headers.of("Accept", "text/plain", "X-Trace", "1", "accept", "application/json");

    assertEquals("text/plain", headers.first("ACCEPT"));
    assertEquals(List.of("text/plain", "application/json"), headers.all("accept"));
    assertEquals(Set.of("Accept", "X-Trace"), headers.names());
    assertNull(headers.first("Authorization"));
    assertEquals(3, headers.size());
  }

  @Test
  void pairsCanBeReadByIndexInOrderAsWritten() {
    Headers headers =
        Headers.builder().add("Accept", "a").add("X-Trace", "1").add("accept", "b").build();

    assertEquals("accept", headers.name(2));
    assertEquals("b", headers.value(2));
    assertEquals("X-Trace", headers.name(1));
    // the builder's arrays are larger than the headers: an index past them must still fail
    assertThrows(IndexOutOfBoundsException.class, () -> headers.name(3));
    assertThrows(IndexOutOfBoundsException.class, () -> headers.value(-1));
  }

  @Test
  void withReplacesEveryValueAndLeavesTheOriginalUntouched() {
    Headers original = Headers.of("Authorization", "Bearer container", "authorization", "Basic x");

    Headers injected = original.with("AUTHORIZATION", "Bearer secret");

    assertEquals(List.of("Bearer secret"), injected.all("Authorization"));
    assertEquals(List.of("Bearer container", "Basic x"), original.all("authorization"));
  }

  @Test
  void withoutRemovesEveryValue() {
    Headers headers =
        Headers.of("Proxy-Authorization", "Basic a", "Host", "my.kv", "proxy-authorization", "b");

    Headers stripped = headers.without("proxy-authorization");

    assertFalse(stripped.contains("Proxy-Authorization"));
    assertEquals("my.kv", stripped.first("host"));
  }

  @Test
  void lineBreaksCannotBeSmuggledIntoNamesOrValues() {
    assertThrows(IllegalArgumentException.class, () -> Headers.of("X-A", "ok\r\nInjected: yes"));
    assertThrows(IllegalArgumentException.class, () -> Headers.of("X-A\r\nB", "v"));
    assertThrows(IllegalArgumentException.class, () -> Headers.of("Bad Name", "v"));
    assertThrows(IllegalArgumentException.class, () -> Headers.of("X-A"));
  }

  @Test
  void equalityIgnoresNameCase() {
    assertEquals(Headers.of("Content-Type", "a"), Headers.of("content-type", "a"));
    assertEquals(
        Headers.of("Content-Type", "a").hashCode(), Headers.of("content-type", "a").hashCode());
    assertTrue(Headers.empty().isEmpty());
  }

  @Test
  void namesAreTokensAndValuesHaveNoControlCharacters() {
    assertTrue(Headers.isToken("X-Custom_1!#$%&'*+.^`|~"));
    for (String name :
        new String[] {"", "a b", "a(b", "a\"b", "a,b", "a/b", "a:b", "a@b", "caf\u00e9"}) {
      assertFalse(Headers.isToken(name), name);
      assertThrows(IllegalArgumentException.class, () -> Headers.of(name, "v"), name);
    }
    assertTrue(Headers.isFieldValue("tab\tand caf\u00e9 and \"quotes\""));
    for (String value : new String[] {"a\u0000b", "a\rb", "a\u007fb"}) {
      assertFalse(Headers.isFieldValue(value), value);
      assertThrows(IllegalArgumentException.class, () -> Headers.of("X", value), value);
    }
  }

  @Test
  void aBuilderChangedAfterBuildLeavesWhatItBuiltAlone() {
    Headers.Builder builder = Headers.builder().add("A", "1").add("B", "2");
    Headers first = builder.build();
    builder.add("C", "3");
    Headers second = builder.build();
    builder.remove("A").set("B", "changed");
    Headers third = builder.build();

    assertEquals(Headers.of("A", "1", "B", "2"), first);
    assertEquals(Headers.of("A", "1", "B", "2", "C", "3"), second);
    assertEquals(Headers.of("C", "3", "B", "changed"), third);
  }

  @Test
  void aBuilderStartedFromHeadersLeavesThemAlone() {
    Headers original = Headers.of("A", "1", "B", "2");

    Headers added = Headers.builder().addAll(original).add("C", "3").build();
    Headers removed = Headers.builder().addAll(original).remove("A").build();
    Headers appended = Headers.builder().addAll(original).addAll(Headers.of("D", "4")).build();

    assertEquals(Headers.of("A", "1", "B", "2"), original);
    assertEquals(Headers.of("A", "1", "B", "2", "C", "3"), added);
    assertEquals(Headers.of("B", "2"), removed);
    assertEquals(Headers.of("A", "1", "B", "2", "D", "4"), appended);
    assertEquals(List.of("1"), Headers.builder().add("A", "1").build().all("a"));
  }
}
