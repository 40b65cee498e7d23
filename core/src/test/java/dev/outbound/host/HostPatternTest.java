package dev.outbound.host;

import static dev.outbound.host.HostNormalizerTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.host.HostPattern.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternTest {

  @ParameterizedTest(name = "{0} -> {1} {3}")
  @CsvSource({
    "my.kv,                    NAME, -1,   my.kv",
    "MY.KV.,                   NAME, -1,   my.kv",
    "my.kv:8080,               NAME, 8080, my.kv:8080",
    "My.Kv.:8080,              NAME, 8080, my.kv:8080",
    "Bücher.example,           NAME, -1,   xn--bcher-kva.example",
    "10.0.0.1,                 IP,   -1,   10.0.0.1",
    "10.0.0.1:443,             IP,   443,  10.0.0.1:443",
    "[2001:DB8:0::1],          IP,   -1,   [2001:db8::1]",
    "[2001:db8::1]:443,        IP,   443,  [2001:db8::1]:443",
    "[::ffff:10.0.0.1],        IP,   -1,   10.0.0.1",
    "10.0.0.0/8,               CIDR, -1,   10.0.0.0/8",
    "10.0.0.0/8:8080,          CIDR, 8080, 10.0.0.0/8:8080",
    "0.0.0.0/0,                CIDR, -1,   0.0.0.0/0",
    "10.1.2.3/32,              CIDR, -1,   10.1.2.3/32",
    "10.0.0.128/25,            CIDR, -1,   10.0.0.128/25",
    "172.16.0.0/012,           CIDR, -1,   172.16.0.0/12",
    "[2001:db8::]/32,          CIDR, -1,   [2001:db8::]/32",
    "2001:DB8::/32,            CIDR, -1,   [2001:db8::]/32",
    "[2001:db8::]/32:443,      CIDR, 443,  [2001:db8::]/32:443",
    "2001:db8::/32:443,        CIDR, 443,  [2001:db8::]/32:443",
    "::/0,                     CIDR, -1,   [::]/0",
    "[::1]/128,                CIDR, -1,   [::1]/128",
    "[::ffff:10.0.0.0]/104,    CIDR, -1,   10.0.0.0/8",
    "[::ffff:0:0]/96,          CIDR, -1,   0.0.0.0/0",
    "*.example.com,            GLOB, -1,   *.example.com",
    "*.Example.COM.,           GLOB, -1,   *.example.com",
    "**.example.com,           GLOB, -1,   *.example.com",
    "a.***.com,                GLOB, -1,   a.*.com",
    "*.bücher.example,         GLOB, -1,   *.xn--bcher-kva.example",
    "*,                        GLOB, -1,   *",
    "*.,                       GLOB, -1,   *",
    "*:443,                    GLOB, 443,  *:443",
    "api-*.example.com:8443,   GLOB, 8443, api-*.example.com:8443",
    "*1.example.com,           GLOB, -1,   *1.example.com",
  })
  void parsesAndNormalises(String text, Kind kind, int port, String canonical) {
    HostPattern pattern = HostPattern.parse(text);
    assertEquals(kind, pattern.kind());
    assertEquals(port, pattern.port());
    assertEquals(canonical, pattern.text());
    assertEquals(canonical, pattern.toString());
    assertEquals(kind == Kind.NAME || kind == Kind.IP, pattern.isExact());
  }

  @Test
  void equalityUsesCanonicalText() {
    HostPattern upper = HostPattern.parse("MY.KV.");
    HostPattern lower = HostPattern.parse("my.kv");
    assertEquals(upper, lower);
    assertEquals(upper.hashCode(), lower.hashCode());
    assertEquals(0, upper.compareTo(lower));
    assertEquals(HostPattern.parse("2001:db8::/32"), HostPattern.parse("[2001:DB8::]/32"));
    assertNotEquals(HostPattern.parse("my.kv"), HostPattern.parse("my.kv:80"));
    assertNotEquals(HostPattern.parse("10.0.0.1"), HostPattern.parse("10.0.0.1/32"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "'',                    the pattern is empty",
    "10.0.0.1/8,            host bits set; write 10.0.0.0/8",
    "10.0.0.1/8:8080,       host bits set; write 10.0.0.0/8:8080",
    "10.0.0.129/25,         host bits set; write 10.0.0.128/25",
    "[2001:db8::1]/32,      host bits set; write [2001:db8::]/32",
    "[::ffff:10.0.0.1]/104, host bits set; write 10.0.0.0/8",
    "10.0.0.0/33,           prefix length 33 is out of range; write a prefix length from 0 to 32",
    "[2001:db8::]/129,    prefix length 129 is out of range; write a prefix length from 0 to 128",
    "10.0.0.0/,             missing or malformed prefix length",
    "10.0.0.0/1234,         missing or malformed prefix length",
    "10.0.0.0/x,            prefix length is not a number",
    "10.0.0.0/-1,           prefix length is not a number",
    "10.0.0.0/8:0,          port out of range: 0",
    "example.com/8,         a CIDR needs an IP address before the /",
    "10.0.0/8,              malformed IPv4 address before the /",
    "010.0.0.0/8,           malformed IPv4 address before the /",
    "[10.0.0.0]/8,          malformed IPv6 address before the /",
    "[2001:db8::/32],       malformed IPv6 address before the /",
    "10.*,                  a glob matches names only, never IP addresses; write a CIDR instead",
    "192.168.*.*,           a glob matches names only, never IP addresses",
    "*.1,                   a glob matches names only, never IP addresses",
    "*.example.0x1,         a glob matches names only, never IP addresses",
    "*..example.com,        host has an empty label",
    "*.example..,           host has an empty label",
    "*ü.example,            a label with * must be plain ASCII; write that label in its xn--",
    "*/path,                a CIDR needs an IP address before the /",
    "'*.example.com ',      host contains ' '",
    "https://example.com/,  this is a URL, not a host; write only the host",
    "::1,                   IPv6 literals must be in brackets",
    "2001:db8::1:443,       IPv6 literals must be in brackets",
    "my.kv:0,               port out of range: 0",
    "my.kv:65536,           port out of range: 65536",
    "my.kv:*,               port is not a number: *",
    "my.kv:,                port is empty",
    "127.1,                 malformed IPv4 literal: 127.1",
    "[fe80::1%eth0],        IPv6 zone ids are not allowed",
    "fe80::%eth0/64,        IPv6 zone ids are not allowed",
    "[::1,                  malformed IPv6 literal",
    "a..b,                  host has an empty label",
    "'a b',                 host contains ' '",
    "user@my.kv,            host contains '@'",
  })
  void rejectsInvalidPatternsSayingWhatToWrite(String text, String problem) {
    InvalidHostPatternException e =
        assertThrows(InvalidHostPatternException.class, () -> HostPattern.parse(text));
    assertTrue(
        e.getMessage().startsWith("invalid host pattern \"" + text + "\": "), e.getMessage());
    assertContains(problem, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "my.kv:x", "a..b", "::1", "127.1"})
  void generalProblemsListTheValidForms(String text) {
    InvalidHostPatternException e =
        assertThrows(InvalidHostPatternException.class, () -> HostPattern.parse(text));
    assertContains(
        "valid forms are an exact name (my.kv), a glob (*.example.com), an IP address"
            + " (10.0.0.1 or [2001:db8::1]) or a CIDR (10.0.0.0/8 or [2001:db8::]/32), each"
            + " optionally followed by :port (1-65535)",
        e.getMessage());
  }

  @Test
  void nullPatternIsEmpty() {
    InvalidHostPatternException e =
        assertThrows(InvalidHostPatternException.class, () -> HostPattern.parse(null));
    assertContains("invalid host pattern null: the pattern is empty", e.getMessage());
  }

  @Test
  void controlCharactersAreEscapedInTheMessage() {
    InvalidHostPatternException e =
        assertThrows(InvalidHostPatternException.class, () -> HostPattern.parse("my.kv\r\n"));
    assertContains(
        "invalid host pattern \"my.kv\\u000d\\u000a\": host contains a control character",
        e.getMessage());
    assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"));
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "my.kv,                   my.kv,                      true",
    "my.kv,                   MY.KV.:8080,                true",
    "my.kv,                   api.my.kv,                  false",
    "my.kv,                   my.kv2,                     false",
    "my.kv:8080,              my.kv:8080,                 true",
    "my.kv:8080,              my.kv:80,                   false",
    "xn--bcher-kva.example,   Bücher.example,             true",
    "*.example.com,           api.example.com,            true",
    "*.example.com,           a.b.example.com,            true",
    "*.example.com,           example.com,                false",
    "*.example.com,           badexample.com,             false",
    "*.example.com,           example.com.evil,           false",
    "*.example.com:443,       api.example.com:443,        true",
    "*.example.com:443,       api.example.com:80,         false",
    "a.*.com,                 a.b.com,                    true",
    "a.*.com,                 a.b.c.com,                  true",
    "a.*.com,                 a.com,                      false",
    "a.*.com,                 b.a.b.com,                  false",
    "api-*.example.com,       api-v2.example.com,         true",
    "api-*.example.com,       api-.example.com,           true",
    "api-*.example.com,       api.example.com,            false",
    "*.bücher.example,        shop.xn--bcher-kva.example, true",
    "*,                       example.com,                true",
    "*,                       localhost,                  true",
    "*,                       127.0.0.1,                  false",
    "*,                       [::1],                      false",
    "*:443,                   example.com:443,            true",
    "*:443,                   example.com:80,             false",
    "*1.example.com,          a1.example.com,             true",
    "10.0.0.1,                10.0.0.1,                   true",
    "10.0.0.1,                10.0.0.2,                   false",
    "10.0.0.1,                [::ffff:10.0.0.1],          true",
    "[::ffff:10.0.0.1],       10.0.0.1,                   true",
    "[::1],                   [0:0:0:0:0:0:0:1],          true",
    "[::1],                   [::2],                      false",
    "[::1]:443,               [::1]:443,                  true",
    "[::1]:443,               [::1]:80,                   false",
    "10.0.0.0/8,              10.0.0.0,                   true",
    "10.0.0.0/8,              10.255.255.255,             true",
    "10.0.0.0/8,              11.0.0.0,                   false",
    "10.0.0.0/8,              9.255.255.255,              false",
    "10.0.0.0/8,              [::ffff:10.1.2.3],          true",
    "10.0.0.0/8:8080,         10.1.1.1:8080,              true",
    "10.0.0.0/8:8080,         10.1.1.1:80,                false",
    "172.16.0.0/12,           172.31.255.255,             true",
    "172.16.0.0/12,           172.32.0.0,                 false",
    "172.16.0.0/12,           172.15.255.255,             false",
    "10.1.2.3/32,             10.1.2.3,                   true",
    "10.1.2.3/32,             10.1.2.4,                   false",
    "0.0.0.0/0,               1.2.3.4,                    true",
    "0.0.0.0/0,               [::1],                      false",
    "0.0.0.0/0,               example.com,                false",
    "[::ffff:0:0]/96,         1.2.3.4,                    true",
    "::/0,                    [2001:db8::1],              true",
    "::/0,                    1.2.3.4,                    false",
    "::/0,                    example.com,                false",
    "[2001:db8::]/32,         [2001:db8:ffff:ffff:ffff:ffff:ffff:ffff], true",
    "[2001:db8::]/32,         [2001:db9::],               false",
    "[2001:db8::]/33,         [2001:db8:7fff::1],         true",
    "[2001:db8::]/33,         [2001:db8:8000::],          false",
    "[2001:db8::]/32:443,     [2001:db8::1]:443,          true",
    "[2001:db8::]/32:443,     [2001:db8::1]:80,           false",
    "[::1]/128,               [::1],                      true",
    "[::1]/128,               [::2],                      false",
  })
  void matches(String pattern, String authority, boolean expected) {
    assertEquals(
        expected, HostPattern.parse(pattern).matches(HostNormalizer.parseAuthority(authority, 80)));
  }

  @Test
  void namePatternsNeverMatchIpLiteralsAndBack() {
    Authority ip = HostNormalizer.normalize("10.0.0.1", 80);
    Authority name = HostNormalizer.normalize("my.kv", 80);
    assertFalse(HostPattern.parse("my.kv").matches(ip));
    assertFalse(HostPattern.parse("10.0.0.1").matches(name));
    assertFalse(HostPattern.parse("10.0.0.0/8").matches(name));
  }

  @Test
  void sortsMostSpecificFirst() {
    List<String> expected =
        List.of(
            "10.0.0.1:443", // exact with port, ties by text
            "my.kv:8080",
            "10.0.0.1", // exact without port
            "my.kv",
            "[2001:db8::]/64", // CIDR, longer prefix first
            "10.1.0.0/16:80", // same prefix: with port first
            "10.1.0.0/16",
            "10.0.0.0/8",
            "api.*.example.com", // glob, more literal characters first
            "*.example.com:443", // same count: with port first
            "*.example.com",
            "*.a.com", // same count, no port: by text
            "*.b.com",
            "*");
    List<HostPattern> patterns = new ArrayList<>();
    expected.forEach(text -> patterns.add(HostPattern.parse(text)));
    Collections.shuffle(patterns, new Random(42));
    Collections.sort(patterns);
    assertEquals(expected, patterns.stream().map(HostPattern::text).toList());
  }
}
