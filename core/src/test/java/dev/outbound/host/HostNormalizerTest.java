package dev.outbound.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNormalizerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "my.kv,                 my.kv",
    "MY.KV,                 my.kv",
    "Example.COM.,          example.com",
    "Bücher.example,        xn--bcher-kva.example",
    "BÜCHER.EXAMPLE.,       xn--bcher-kva.example",
    "ｅｘａｍｐｌｅ。com,   example.com",
    "_dmarc.example.com,    _dmarc.example.com",
    "1password.com,         1password.com",
    "3com.com,              3com.com",
    "0x.example,            0x.example",
    "a-b.c_d.e,             a-b.c_d.e",
  })
  void normalisesNames(String host, String expected) {
    Authority authority = HostNormalizer.normalize(host, 80);
    assertEquals(expected, authority.host());
    assertFalse(authority.isIpLiteral());
    assertNull(authority.address());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "127.0.0.1,                 127.0.0.1",
    "127.0.0.1.,                127.0.0.1",
    "0.0.0.0,                   0.0.0.0",
    "255.255.255.255,           255.255.255.255",
    "１２７.０.０.１,           127.0.0.1",
    "[2001:DB8:0:0:0:0:0:1],    [2001:db8::1]",
    "[2001:db8::0:1],           [2001:db8::1]",
    "[2001:0db8::0001],         [2001:db8::1]",
    "[0:0:0:0:0:0:0:1],         [::1]",
    "[::],                      [::]",
    "[1::],                     [1::]",
    "[2001:db8:0:0:1:0:0:1],    [2001:db8::1:0:0:1]",
    "[2001:0:0:1:0:0:0:1],      [2001:0:0:1::1]",
    "[2001:db8:0:1:1:1:1:1],    [2001:db8:0:1:1:1:1:1]",
    "[1:2:3:4:5:6:7::],         [1:2:3:4:5:6:7:0]",
    "[::2:3:4:5:6:7:8],         [0:2:3:4:5:6:7:8]",
    "[1:2:3:4:5:6:1.2.3.4],     [1:2:3:4:5:6:102:304]",
    "[::1.2.3.4],               [::102:304]",
    "[64:ff9b::1.2.3.4],        [64:ff9b::102:304]",
    "[::ffff:1.2.3.4],          1.2.3.4",
    "[::FFFF:0102:0304],        1.2.3.4",
    "[0:0:0:0:0:ffff:7f00:1],   127.0.0.1",
    "::1,                       [::1]",
    "2001:DB8::1,               [2001:db8::1]",
  })
  void normalisesIpLiterals(String host, String expected) {
    Authority authority = HostNormalizer.normalize(host, 80);
    assertEquals(expected, authority.host());
    assertTrue(authority.isIpLiteral());
  }

  @Test
  void ipLiteralsCarryTheirAddressBytes() {
    assertArrayEquals(
        new byte[] {127, 0, 0, 1}, HostNormalizer.normalize("127.0.0.1", 80).address());
    assertArrayEquals(
        new byte[] {1, 2, 3, 4}, HostNormalizer.normalize("[::ffff:1.2.3.4]", 80).address());
    byte[] loopback = new byte[16];
    loopback[15] = 1;
    assertArrayEquals(loopback, HostNormalizer.normalize("[::1]", 80).address());
  }

  @Test
  void addressIsADefensiveCopy() {
    Authority authority = HostNormalizer.normalize("10.0.0.1", 80);
    authority.address()[0] = 99;
    assertEquals(10, authority.address()[0]);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "'',                    host is empty",
    ".,                     host is empty",
    "a..b,                  host has an empty label: a..b",
    "a.b..,                 host has an empty label: a.b.",
    ".a,                    host has an empty label",
    "256.1.1.1,             malformed IPv4 literal: 256.1.1.1",
    "127.1,                 malformed IPv4 literal: 127.1",
    "1.2.3,                 malformed IPv4 literal: 1.2.3",
    "0x7f.0.0.1,            malformed IPv4 literal: 0x7f.0.0.1",
    "127.0.0.0x1,           malformed IPv4 literal",
    "0177.0.0.1,            malformed IPv4 literal",
    "01.2.3.4,              malformed IPv4 literal",
    "1.2.3.04,              malformed IPv4 literal",
    "1.2.3.4.5,             malformed IPv4 literal",
    "1234.1.1.1,            malformed IPv4 literal",
    "1..2.3,                malformed IPv4 literal",
    "2130706433,            malformed IPv4 literal",
    "example.123,           malformed IPv4 literal",
    "example.0x1f,          malformed IPv4 literal",
    "'127.0.0.1 ',          host contains ' '",
    "[fe80::1%eth0],        IPv6 zone ids are not allowed: [fe80::1%eth0]",
    "[fe80::1%25eth0],      IPv6 zone ids are not allowed",
    "fe80::1%eth0,          IPv6 zone ids are not allowed",
    "[2001:db8::1,          malformed IPv6 literal: [2001:db8::1",
    "[,                     malformed IPv6 literal",
    "[],                    malformed IPv6 literal",
    "[2001:db8:::1],        malformed IPv6 literal",
    "[1::2::3],             malformed IPv6 literal",
    "[1:2:3:4:5:6:7:8:9],   malformed IPv6 literal",
    "[1:2:3:4:5:6:7],       malformed IPv6 literal",
    "[1:2:3:4:5:6:7:8::],   malformed IPv6 literal",
    "[::1:2:3:4:5:6:7:8],   malformed IPv6 literal",
    "[:1::],                malformed IPv6 literal",
    "[1::2:],               malformed IPv6 literal",
    "[12345::],             malformed IPv6 literal",
    "[::g],                 malformed IPv6 literal",
    "[1.2.3.4],             malformed IPv6 literal",
    "[::1.2.3],             malformed IPv6 literal",
    "[::256.1.1.1],         malformed IPv6 literal",
    "[::01.2.3.4],          malformed IPv6 literal",
    "[1:2:3:4:5:6:7:1.2.3.4], malformed IPv6 literal",
    "[::1.2.3.4:5],         malformed IPv6 literal",
    "[::1].,                malformed IPv6 literal",
    "example.com:80,        host contains ':' but is not an IPv6 literal",
    "'a b.com',             host contains ' '",
    "a/b.com,               host contains '/'",
    "a\\b.com,              host contains '\\'",
    "user@host,             host contains '@'",
    "a?b,                   host contains '?'",
    "a#b,                   host contains '#'",
    "a%b,                   host contains '%'",
    "a*b.com,               host contains '*'",
    "bad!name.com,          host contains '!'",
  })
  void rejectsInvalidHosts(String host, String message) {
    InvalidHostException e =
        assertThrows(InvalidHostException.class, () -> HostNormalizer.normalize(host, 80));
    assertContains(message, e.getMessage());
  }

  @Test
  void nullHostIsEmpty() {
    InvalidHostException e =
        assertThrows(InvalidHostException.class, () -> HostNormalizer.normalize(null, 80));
    assertEquals("host is empty", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\rb",
        "a\nb",
        "my.kv\r\n",
        "a\u0000b",
        "a\tb",
        "a\u007fb",
        "a\u0085b",
        "[::1\n]"
      })
  void rejectsControlCharacters(String host) {
    InvalidHostException e =
        assertThrows(InvalidHostException.class, () -> HostNormalizer.normalize(host, 80));
    assertEquals("host contains a control character", e.getMessage());
  }

  @Test
  void acceptsNamesUpTo253Characters() {
    String name253 =
        label('a', 63) + "." + label('b', 63) + "." + label('c', 63) + "." + label('d', 61);
    assertEquals(253, name253.length());
    assertEquals(name253, HostNormalizer.normalize(name253, 80).host());
    assertEquals(name253, HostNormalizer.normalize(name253 + ".", 80).host());

    String name254 = name253 + "d";
    InvalidHostException e =
        assertThrows(InvalidHostException.class, () -> HostNormalizer.normalize(name254, 80));
    assertEquals("host is longer than 253 characters", e.getMessage());
  }

  @Test
  void lengthLimitAppliesToThePunycodeForm() {
    // 248 characters as written, 255 once the last label becomes xn--ddd...-8yf.
    String unicode =
        label('a', 63) + "." + label('b', 63) + "." + label('c', 63) + "." + label('d', 55) + "ü";
    assertEquals(248, unicode.length());
    InvalidHostException e =
        assertThrows(InvalidHostException.class, () -> HostNormalizer.normalize(unicode, 80));
    assertEquals("host is longer than 253 characters", e.getMessage());
  }

  @Test
  void rejectsUnicodeLabelsTooLongForPunycode() {
    String unicode = "ü".repeat(60) + ".example";
    InvalidHostException e =
        assertThrows(InvalidHostException.class, () -> HostNormalizer.normalize(unicode, 80));
    assertContains("host is not a valid internationalised domain name", e.getMessage());
  }

  @Test
  void acceptsLabelsUpTo63Characters() {
    String label63 = label('x', 63) + ".example";
    assertEquals(label63, HostNormalizer.normalize(label63, 80).host());

    String label64 = label('x', 64) + ".example";
    InvalidHostException e =
        assertThrows(InvalidHostException.class, () -> HostNormalizer.normalize(label64, 80));
    assertEquals("host has a label longer than 63 characters: " + label('x', 64), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 80, 443, 65535})
  void acceptsPortsInRange(int port) {
    assertEquals(port, HostNormalizer.normalize("my.kv", port).port());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536, 70000, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void rejectsPortsOutOfRange(int port) {
    InvalidHostException e =
        assertThrows(InvalidHostException.class, () -> HostNormalizer.normalize("my.kv", port));
    assertContains("port out of range: " + port, e.getMessage());
  }

  @ParameterizedTest(name = "{0} (default {1}) -> {2}")
  @CsvSource({
    "my.kv,                     80,  my.kv:80",
    "my.kv,                     443, my.kv:443",
    "MY.KV:8080,                80,  my.kv:8080",
    "my.kv.:443,                80,  my.kv:443",
    "my.kv:1,                   80,  my.kv:1",
    "my.kv:65535,               80,  my.kv:65535",
    "my.kv:0080,                443, my.kv:80",
    "Bücher.example:8443,       443, xn--bcher-kva.example:8443",
    "127.0.0.1,                 80,  127.0.0.1:80",
    "127.0.0.1:8080,            80,  127.0.0.1:8080",
    "[2001:DB8::1],             443, [2001:db8::1]:443",
    "[2001:db8::1]:8443,        443, [2001:db8::1]:8443",
    "[::ffff:127.0.0.1]:80,     443, 127.0.0.1:80",
  })
  void parsesAuthorities(String authority, int defaultPort, String expected) {
    assertEquals(expected, HostNormalizer.parseAuthority(authority, defaultPort).toString());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "'',                         host is empty",
    ":80,                        host is empty",
    "my.kv:0,                    port out of range: 0",
    "my.kv:65536,                port out of range: 65536",
    "my.kv:70000,                port out of range: 70000",
    "my.kv:99999999999999999999, port out of range: 99999999999999999999",
    "my.kv:,                     port is empty",
    "my.kv:8o,                   port is not a number: 8o",
    "my.kv:+80,                  port is not a number: +80",
    "my.kv:-1,                   port is not a number: -1",
    "'my.kv: 80',                port is not a number",
    "my.kv:80:80,                IPv6 literals must be in brackets",
    "::1,                        IPv6 literals must be in brackets, e.g. [::1] or [::1]:443: ::1",
    "2001:db8::1:443,            IPv6 literals must be in brackets",
    "[::1]x,                     unexpected text after IPv6 literal (expected :port): [::1]x",
    "[::1]:,                     port is empty",
    "[::1:443,                   malformed IPv6 literal",
    "[fe80::1%25eth0]:80,        IPv6 zone ids are not allowed",
    "256.1.1.1:80,               malformed IPv4 literal: 256.1.1.1",
    "'my.kv\r\n:80',             host contains a control character",
  })
  void rejectsInvalidAuthorities(String authority, String message) {
    InvalidHostException e =
        assertThrows(
            InvalidHostException.class, () -> HostNormalizer.parseAuthority(authority, 80));
    assertContains(message, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"user@my.kv", "user:secret@my.kv:80", "a@[::1]"})
  void rejectsUserinfoWithoutEchoingIt(String authority) {
    InvalidHostException e =
        assertThrows(
            InvalidHostException.class, () -> HostNormalizer.parseAuthority(authority, 80));
    assertEquals("userinfo (user@) is not allowed in an authority", e.getMessage());
  }

  @Test
  void rejectsAnInvalidDefaultPort() {
    assertThrows(InvalidHostException.class, () -> HostNormalizer.parseAuthority("my.kv", 0));
  }

  @Test
  void authoritiesAreEqualWhenTheyNameTheSameDestination() {
    Authority a = HostNormalizer.normalize("MY.KV.", 80);
    Authority b = HostNormalizer.parseAuthority("my.kv", 80);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertFalse(a.equals(HostNormalizer.normalize("my.kv", 81)));
    assertFalse(a.equals(HostNormalizer.normalize("my.kv2", 80)));
    assertEquals(
        HostNormalizer.normalize("[::ffff:10.0.0.1]", 443),
        HostNormalizer.parseAuthority("10.0.0.1:443", 80));
  }

  @Test
  void authorityPrintsAsHostColonPort() {
    assertEquals("my.kv:80", HostNormalizer.normalize("my.kv", 80).toString());
    assertEquals("[2001:db8::1]:443", HostNormalizer.normalize("[2001:db8::1]", 443).toString());
  }

  private static String label(char c, int length) {
    return String.valueOf(c).repeat(length);
  }

  static void assertContains(String expected, String actual) {
    assertTrue(
        actual.contains(expected),
        () -> "expected message containing <" + expected + "> but was <" + actual + ">");
  }
}
