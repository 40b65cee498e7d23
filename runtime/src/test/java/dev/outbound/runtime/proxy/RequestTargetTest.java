package dev.outbound.runtime.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestTargetTest {

  @Test
  void absoluteFormIgnoresTheHostHeader() {
    RequestTarget target =
        RequestTarget.parse("http://My.KV:8080/a/b%20c", "x=1", "evil.example", false);
    assertEquals("http", target.scheme());
    assertEquals("my.kv:8080", target.authority().toString());
    assertEquals("/a/b%20c", target.path());
    assertEquals("x=1", target.query());
  }

  @Test
  void remembersAuthoritiesWithoutMixingThemUp() {
    // more distinct hosts than the cache keeps, twice: every answer must still be its own host's
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 12_000; i++) {
        RequestTarget target =
            RequestTarget.parse("http://Host-" + i + ".Example/p", null, null, false);
        assertEquals("host-" + i + ".example:80", target.authority().toString());
      }
    }
    assertThrows(
        BadTargetException.class, () -> RequestTarget.parse("http://bad host/", null, null, false));
    assertThrows(
        BadTargetException.class, () -> RequestTarget.parse("http://bad host/", null, null, false));
  }

  @Test
  void absoluteFormWithoutPathOrPortDefaults() {
    RequestTarget target = RequestTarget.parse("HTTP://my.kv", null, null, false);
    assertEquals("my.kv:80", target.authority().toString());
    assertEquals("/", target.path());
    assertNull(target.query());
  }

  @Test
  void ipv6LiteralsKeepTheirBrackets() {
    assertEquals(
        "[::1]:8080",
        RequestTarget.parse("http://[::1]:8080/", null, null, false).authority().toString());
  }

  @Test
  void originFormNeedsAListenerThatTakesIt() {
    assertThrows(BadTargetException.class, () -> RequestTarget.parse("/k", null, "my.kv", false));
    RequestTarget target = RequestTarget.parse("/k", null, "My.KV", true);
    assertEquals("my.kv:80", target.authority().toString());
    assertEquals("/k", target.path());
    assertThrows(BadTargetException.class, () -> RequestTarget.parse("/k", null, null, true));
  }

  @Test
  void rejectsWhatIsNotAPlainHttpTarget() {
    for (String raw :
        new String[] {
          "https://my.kv/", "ftp://my.kv/", "*", "my.kv:443", "http://", "http://a b/"
        }) {
      assertThrows(
          BadTargetException.class, () -> RequestTarget.parse(raw, null, "my.kv", true), raw);
    }
  }

  @Test
  void pathsHoldOnlyUriCharactersAndCompleteEscapes() {
    assertEquals(
        "/a-b._~!$&'()*+,;=:@/%2F%c3%A9",
        RequestTarget.parse("http://my.kv/a-b._~!$&'()*+,;=:@/%2F%c3%A9", null, null, false)
            .path());
    assertEquals("/caf\u00e9", RequestTarget.parse("/caf\u00e9", null, "my.kv", true).path());
    for (String path :
        new String[] {
          "/a<b", "/a\"b", "/{x}", "/a|b", "/a\\b", "/%", "/%4", "/%zz", "/a\tb", "/a\u007fb"
        }) {
      assertThrows(
          BadTargetException.class,
          () -> RequestTarget.parse("http://my.kv" + path, null, null, false),
          path);
      assertThrows(
          BadTargetException.class, () -> RequestTarget.parse(path, null, "my.kv", true), path);
      assertThrows(
          BadTargetException.class,
          () ->
              RequestTarget.inTunnel(
                  RequestTarget.parse("http://my.kv/", null, null, false).authority(), path, null),
          path);
    }
  }
}
