package dev.outbound.runtime.proxy;

import static dev.outbound.runtime.testing.TestServers.proxyAuthorization;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.RawHttp;
import dev.outbound.runtime.testing.RawResponse;
import dev.outbound.runtime.testing.TestServers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How requests arrive (SPEC §4.1), who sent them (§4.2) and which destinations are refused (§4.3).
 */
class ProxyIntakeTest {

  @TempDir static Path dir;
  static OutboundServer server;
  static CreatedContainer alice;
  static CreatedContainer bob;

  @BeforeAll
  static void start() {
    server = TestServers.start(TestServers.config(dir.resolve("data")));
    alice = server.admin().create("test-app", "alice");
    bob = server.admin().create("test-app", "bob");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static RawResponse get(String target, String... headerLines) throws Exception {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    return RawHttp.once(server.proxyPort(), request.append("\r\n").toString());
  }

  private static String auth(CreatedContainer container) {
    return "Proxy-Authorization: " + proxyAuthorization(container);
  }

  @Test
  void absoluteFormRequestReachesTheHandlerWithoutProxyCredentials() throws Exception {
    RawResponse response = get("http://my.kv/some-key?x=1", "Host: my.kv", auth(alice));
    assertEquals(200, response.status(), response.body());
    assertEquals(
        "kv GET http://my.kv/some-key?x=1 container=alice class=test-app"
            + " proxy-authorization=null host-header=my.kv",
        response.body());
  }

  @Test
  void headersAboutTheHandlersConnectionNeverReachTheContainer() throws Exception {
    RawResponse response = get("http://hops.test/", "Host: hops.test", auth(alice));

    assertEquals(200, response.status(), response.body());
    assertEquals("hops", response.body());
    assertEquals("yes", response.header("X-Kept"));
    for (String name : List.of("X-Private", "Keep-Alive", "Upgrade")) {
      assertNull(response.header(name), name + " reached the container: " + response.headers());
    }
    assertNotEquals("X-Private, keep-alive", response.header("Connection"));
  }

  @Test
  void missingCredentialsAnswer407WithChallenge() throws Exception {
    RawResponse response = get("http://my.kv/k", "Host: my.kv");
    assertEquals(407, response.status());
    assertEquals("Basic realm=\"outbound\"", response.header("Proxy-Authenticate"));
    assertEquals("proxy_authentication_required", response.json().get("error"));
  }

  @Test
  void wrongTokenAnswers407() throws Exception {
    RawResponse response =
        get(
            "http://my.kv/k",
            "Host: my.kv",
            "Proxy-Authorization: " + TestServers.basic(alice.instance().id(), "0".repeat(64)));
    assertEquals(407, response.status());
  }

  @Test
  void oneContainerCannotActAsAnother() throws Exception {
    RawResponse borrowed =
        get(
            "http://my.kv/k",
            "Host: my.kv",
            "Proxy-Authorization: " + TestServers.basic(alice.instance().id(), bob.token()));
    assertEquals(407, borrowed.status());
    RawResponse own =
        get("http://my.kv/k", "Host: my.kv", auth(bob), "X-Container-Id: " + alice.instance().id());
    assertTrue(own.body().contains("container=bob"), own.body());
  }

  @Test
  void conflictingHostHeaderNeverChangesRouting() throws Exception {
    RawResponse toKv = get("http://my.kv/k", "Host: x.evil.test", auth(alice));
    assertEquals(200, toKv.status());
    assertTrue(toKv.body().startsWith("kv GET http://my.kv/k"), toKv.body());

    RawResponse toEvil = get("http://x.evil.test/k", "Host: my.kv", auth(alice));
    assertEquals(520, toEvil.status());
    assertEquals("x.evil.test", toEvil.json().get("host"));
  }

  @Test
  void hostIsNormalisedBeforeRouting() throws Exception {
    RawResponse response = get("http://MY.KV.:80/k", "Host: my.kv", auth(alice));
    assertEquals(200, response.status(), response.body());
    assertTrue(response.body().startsWith("kv GET http://my.kv/k"), response.body());
  }

  @Test
  void originFormOnTheSharedListenerIs400AndCloses() throws Exception {
    try (RawHttp http = RawHttp.connect(server.proxyPort())) {
      RawResponse response =
          http.exchange("GET /k HTTP/1.1\r\nHost: my.kv\r\n" + auth(alice) + "\r\n\r\n");
      assertEquals(400, response.status());
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void invalidHostsAre400() throws Exception {
    for (String target :
        new String[] {
          "http:///k",
          "http://a..b/k",
          "http://[::1%25eth0]/k",
          "http://" + "a".repeat(250) + ".com/k",
          "http://999.1.1.1/k",
          "http://user@my.kv/k"
        }) {
      RawResponse response = get(target, "Host: my.kv", auth(alice));
      assertEquals(400, response.status(), target + " -> " + response.body());
      assertEquals("bad_request", response.json().get("error"), target);
    }
  }

  @Test
  void connectAfterOtherRequestsOnAConnectionIsStillCheckedFirst() throws Exception {
    try (RawHttp http = RawHttp.connect(server.proxyPort())) {
      assertEquals(
          200,
          http.exchange("GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\n" + auth(alice) + "\r\n\r\n")
              .status());
      RawResponse response =
          http.exchange(
              "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n"
                  + auth(alice)
                  + "\r\n\r\n");
      assertEquals(520, response.status());
    }
  }

  @Test
  void connectToADeniedHostIsDeniedFirst() throws Exception {
    RawResponse response =
        RawHttp.once(
            server.proxyPort(),
            "CONNECT x.evil.test:443 HTTP/1.1\r\nHost: x.evil.test:443\r\n"
                + auth(alice)
                + "\r\n\r\n");
    assertEquals(520, response.status());
    assertEquals("denied", response.header("X-Outbound-Error"));
  }

  @Test
  void connectWithoutCredentialsIs407() throws Exception {
    RawResponse response =
        RawHttp.once(server.proxyPort(), "CONNECT my.kv:443 HTTP/1.1\r\nHost: my.kv:443\r\n\r\n");
    assertEquals(407, response.status());
  }
}
