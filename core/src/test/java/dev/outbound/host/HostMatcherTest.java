package dev.outbound.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostMatcherTest {

  /** Both patterns match; the more specific one must win in either insertion order. */
  @ParameterizedTest(name = "{2}: {3} beats the other of {0}, {1}")
  @CsvSource({
    "*.example.com,      api.example.com,      api.example.com:443, api.example.com",
    "*.example.com:443,  api.example.com,      api.example.com:443, api.example.com",
    "my.kv,              my.kv:8080,           my.kv:8080,          my.kv:8080",
    "10.0.0.0/8,         10.1.0.0/16,          10.1.2.3,            10.1.0.0/16",
    "0.0.0.0/0,          10.0.0.0/8,           10.1.2.3,            10.0.0.0/8",
    "10.0.0.0/8,         10.0.0.0/8:80,        10.0.0.1:80,         10.0.0.0/8:80",
    "10.0.0.0/8,         10.0.0.1,             10.0.0.1,            10.0.0.1",
    "10.0.0.0/8:80,      10.0.0.1,             10.0.0.1:80,         10.0.0.1",
    "[2001:db8::]/32,    [2001:db8:1::]/48,    [2001:db8:1::1],     [2001:db8:1::]/48",
    "*.example.com,      *.api.example.com,    x.api.example.com,   *.api.example.com",
    "*,                  *.example.com,        www.example.com,     *.example.com",
    "*.example.com,      *.example.com:443,    www.example.com:443, *.example.com:443",
    "api.*.com,          *.example.com,        api.example.com,     *.example.com",
  })
  void mostSpecificPatternWins(String first, String second, String authority, String winner) {
    Authority destination = HostNormalizer.parseAuthority(authority, 80);
    HostMatcher<String> forward =
        HostMatcher.<String>builder().add(first, first).add(second, second).build();
    HostMatcher<String> backward =
        HostMatcher.<String>builder().add(second, second).add(first, first).build();
    assertEquals(winner, forward.match(destination));
    assertEquals(winner, backward.match(destination));
  }

  @Test
  void lessSpecificPatternsStillMatchWhatTheMoreSpecificOnesDoNot() {
    HostMatcher<String> matcher =
        HostMatcher.<String>builder()
            .add("*.example.com", "glob")
            .add("api.example.com", "exact")
            .add("my.kv", "any port")
            .add("my.kv:8080", "8080")
            .add("10.0.0.0/8", "wide")
            .add("10.1.0.0/16", "narrow")
            .build();
    assertEquals("glob", matcher.match(authority("www.example.com")));
    assertEquals("any port", matcher.match(authority("my.kv:80")));
    assertEquals("8080", matcher.match(authority("my.kv:8080")));
    assertEquals("wide", matcher.match(authority("10.2.0.1")));
    assertEquals("narrow", matcher.match(authority("10.1.255.255")));
  }

  @Test
  void exactHostWithOtherPortsFallsThroughToPatterns() {
    HostMatcher<String> matcher =
        HostMatcher.<String>builder().add("my.kv:8080", "exact 8080").add("*.kv", "glob").build();
    assertEquals("glob", matcher.match(authority("my.kv:80")));
  }

  @Test
  void returnsNullWhenNothingMatches() {
    HostMatcher<String> matcher =
        HostMatcher.<String>builder()
            .add("*.example.com", "glob")
            .add("10.0.0.0/8", "cidr")
            .build();
    assertNull(matcher.match(authority("example.com")));
    assertNull(matcher.match(authority("11.0.0.1")));
    assertFalse(matcher.matches(authority("[::1]")));
    assertTrue(matcher.matches(authority("a.example.com")));
  }

  @Test
  void starAloneMatchesEveryNameButNoAddress() {
    HostMatcher<Boolean> matcher = HostMatcher.of(List.of("*"));
    assertTrue(matcher.matches(authority("anything.at.all")));
    assertFalse(matcher.matches(authority("127.0.0.1")));
    assertFalse(matcher.matches(authority("[::1]")));
  }

  @Test
  void listsPatternsMostSpecificFirst() {
    HostMatcher<Boolean> matcher =
        HostMatcher.of(List.of("*", "10.0.0.0/8", "*.example.com", "my.kv", "my.kv:80"));
    assertEquals(
        List.of("my.kv:80", "my.kv", "10.0.0.0/8", "*.example.com", "*"),
        matcher.patterns().stream().map(HostPattern::text).toList());
  }

  @Test
  void rejectsDuplicatePatternsByCanonicalText() {
    HostMatcher.Builder<Integer> builder = HostMatcher.<Integer>builder().add("my.kv", 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.add("MY.KV.", 2));
    assertEquals("duplicate host pattern: my.kv", e.getMessage());

    IllegalArgumentException list =
        assertThrows(
            IllegalArgumentException.class,
            () -> HostMatcher.of(List.of("10.0.0.0/8", "10.0.0.0/8")));
    assertEquals("duplicate host pattern: 10.0.0.0/8", list.getMessage());
  }

  @Test
  void rejectsInvalidPatternText() {
    assertThrows(
        InvalidHostPatternException.class,
        () -> HostMatcher.<String>builder().add("10.0.0.1/8", "x"));
    assertThrows(InvalidHostPatternException.class, () -> HostMatcher.of(List.of("a..b")));
  }

  @Test
  void rejectsNullValuesBecauseNullMeansNoMatch() {
    assertThrows(
        NullPointerException.class, () -> HostMatcher.<String>builder().add("my.kv", null));
  }

  @Test
  void emptyMatcherMatchesNothing() {
    HostMatcher<Boolean> matcher = HostMatcher.of(List.of());
    assertTrue(matcher.isEmpty());
    assertFalse(matcher.matches(authority("my.kv")));
    assertFalse(HostMatcher.of(List.of("my.kv")).isEmpty());
  }

  @Test
  void builtMatcherIgnoresLaterAdditions() {
    HostMatcher.Builder<String> builder = HostMatcher.<String>builder().add("a.kv", "a");
    HostMatcher<String> matcher = builder.build();
    builder.add("b.kv", "b");
    assertNull(matcher.match(authority("b.kv")));
    assertEquals(1, matcher.patterns().size());
  }

  @Test
  void findsEachOfManyExactHosts() {
    HostMatcher.Builder<Integer> builder = HostMatcher.builder();
    for (int i = 0; i < 10_000; i++) {
      builder.add("host" + i + ".kv", i);
      builder.add("host" + i + ".kv:8080", -i);
    }
    builder.add("*.kv", -1);
    HostMatcher<Integer> matcher = builder.build();
    assertEquals(4242, matcher.match(authority("HOST4242.kv")));
    assertEquals(-4242, matcher.match(authority("host4242.kv:8080")));
    assertEquals(-1, matcher.match(authority("host10000.kv")));
  }

  @Test
  void findsEachOfManyAnyPortHostsAndNothingElse() {
    HostMatcher.Builder<Integer> builder = HostMatcher.builder();
    for (int i = 0; i < 10_000; i++) {
      builder.add("api-" + i + ".service" + (i % 97) + ".example.com", i);
    }
    HostMatcher<Integer> matcher = builder.build();
    for (int i = 0; i < 10_000; i++) {
      String host = "api-" + i + ".service" + (i % 97) + ".example.com";
      assertEquals(i, matcher.match(authority(host + ":" + (1 + i % 65535))));
      assertNull(matcher.match(authority("x" + host)));
    }
  }

  @Test
  void anyPortHostsKeepTheirValueBesideHostsThatListPorts() {
    HostMatcher<String> matcher =
        HostMatcher.<String>builder()
            .add("my.kv:8080", "my 8080")
            .add("other.kv", "other")
            .add("127.0.0.1:80", "loopback 80")
            .add("127.0.0.1", "loopback")
            .build();
    assertEquals("other", matcher.match(authority("other.kv:8080")));
    assertEquals("my 8080", matcher.match(authority("my.kv:8080")));
    assertNull(matcher.match(authority("my.kv:80")));
    assertEquals("loopback 80", matcher.match(authority("127.0.0.1:80")));
    assertEquals("loopback", matcher.match(authority("127.0.0.1:81")));
  }

  private static Authority authority(String text) {
    return HostNormalizer.parseAuthority(text, 80);
  }
}
