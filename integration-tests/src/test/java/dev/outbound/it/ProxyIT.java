package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server jar as a separate process, driven with curl and raw sockets: identity, routing
 * authority, host rejections, denials, errors a container sees, passthrough through the egress
 * guard, and the egress log.
 */
class ProxyIT {

  private static Path dir;
  private static ServerProcess server;
  private static LocalOrigin origin;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("outbound-proxy-it");
    origin = new LocalOrigin();
    server =
        ExampleServer.start(
            dir.resolve("data"),
            ExampleServer.config(
                dir,
                """
                  limits:
                    max-body-bytes: 65536
                    max-header-bytes: 16384
                """));
  }

  @AfterAll
  static void stop() {
    server.close();
    origin.close();
  }

  private static Map<String, Object> gateway() {
    return server.createContainer("api-gateway", null);
  }

  private static String proxy(Map<String, Object> container) {
    return (String) container.get("proxyUrl");
  }

  @Test
  void aRegisteredContainerReachesItsHandler() {
    Curl.Reply reply = Curl.viaProxy(proxy(gateway()), "http://status.gateway/");

    assertEquals(200, reply.status());
    assertEquals("gateway ok\n", reply.body());
  }

  @Test
  void noOrWrongCredentialsAnswer407WithProxyAuthenticate() {
    Map<String, Object> a = gateway();
    String request =
        "GET http://status.gateway/ HTTP/1.1\r\nHost: status.gateway\r\nConnection: close\r\n";

    RawHttp.Answer none = RawHttp.send(server.proxyPort(), request + "\r\n");
    RawHttp.Answer wrong =
        RawHttp.send(
            server.proxyPort(),
            request
                + "Proxy-Authorization: "
                + RawHttp.basic((String) a.get("id"), "not-the-token")
                + "\r\n\r\n");

    assertEquals(407, none.status());
    assertTrue(none.text().toLowerCase().contains("proxy-authenticate: basic"), none.text());
    assertEquals(407, wrong.status());
  }

  @Test
  void oneContainerCannotActAsAnother() {
    Map<String, Object> a = gateway();
    Map<String, Object> b = gateway();

    RawHttp.Answer borrowed =
        RawHttp.send(
            server.proxyPort(),
            "GET http://status.gateway/ HTTP/1.1\r\n"
                + "Host: status.gateway\r\n"
                + "Connection: close\r\n"
                + "Proxy-Authorization: "
                + RawHttp.basic((String) b.get("id"), (String) a.get("token"))
                + "\r\n\r\n");

    assertEquals(407, borrowed.status());
    assertNotEquals(a.get("id"), b.get("id"));
  }

  @Test
  void theRequestTargetRoutesNotTheHostHeader() {
    Map<String, Object> a = gateway();

    RawHttp.Answer answer =
        RawHttp.send(
            server.proxyPort(),
            "GET http://status.gateway/ HTTP/1.1\r\n"
                + "Host: x.evil.example\r\n"
                + "Connection: close\r\n"
                + "Proxy-Authorization: "
                + RawHttp.basic((String) a.get("id"), (String) a.get("token"))
                + "\r\n\r\n");

    assertEquals(200, answer.status(), answer.text());
    assertTrue(answer.text().endsWith("gateway ok\n"), answer.text());
  }

  @Test
  void malformedHostsAre400() {
    Map<String, Object> a = gateway();
    String auth =
        "Proxy-Authorization: "
            + RawHttp.basic((String) a.get("id"), (String) a.get("token"))
            + "\r\n";
    for (String target :
        List.of(
            "http://a..b/",
            "http://[fe80::1%25eth0]/",
            "http://256.1.1.1/",
            "http://" + "a".repeat(64) + ".example/")) {
      RawHttp.Answer answer =
          RawHttp.send(
              server.proxyPort(),
              "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + auth + "\r\n");
      assertEquals(400, answer.status(), target + " -> " + answer.text());
    }
  }

  @Test
  void deniedHostsAnswerTheDenialJson() {
    Curl.Reply reply = Curl.viaProxy(proxy(gateway()), "http://api.evil.example/x", "-i");

    assertEquals(520, reply.status());
    assertTrue(reply.body().toLowerCase().contains("x-outbound-error: denied"), reply.body());
    Map<String, Object> json = Json.parseObject(reply.body().substring(reply.body().indexOf('{')));
    assertEquals("egress_denied", json.get("error"));
    assertEquals("api.evil.example", json.get("host"));
    assertEquals("deniedHosts:*.evil.example", json.get("rule"));
  }

  @Test
  void aHostOutsideAllowedHostsIsDenied() {
    Curl.Reply reply =
        Curl.viaProxy(proxy(server.createContainer("my-app", null)), "http://example.com/");

    assertEquals(520, reply.status());
    assertEquals("allowedHosts", Json.parseObject(reply.body()).get("rule"));
  }

  @Test
  void withoutAnyRuleTheDefaultDenies() {
    // my-container: no catch-all, no allowedHosts, enableInternet off
    Curl.Reply reply =
        Curl.viaProxy(proxy(server.createContainer("my-container", null)), "http://example.com/");

    assertEquals(520, reply.status());
    assertEquals("default", Json.parseObject(reply.body()).get("rule"));
  }

  @Test
  void theEgressGuardRefusesALocalOriginUntilACidrEntryAllowsIt() {
    Map<String, Object> a = gateway();
    String id = (String) a.get("id");

    Curl.Reply refused = Curl.viaProxy(proxy(a), origin.url("/refused"));
    assertEquals(520, refused.status());
    assertEquals("egress-guard", Json.parseObject(refused.body()).get("rule"));

    assertEquals(
        200,
        server
            .admin("PUT", "/v1/containers/" + id + "/allowed-hosts", "[\"127.0.0.1/32\"]")
            .statusCode());
    Curl.Reply passed = Curl.viaProxy(proxy(a), origin.url("/passed"));

    assertEquals(200, passed.status());
    assertEquals("origin /passed\n", passed.body());
    assertEquals(
        null,
        origin.last().header("Proxy-Authorization"),
        "proxy credentials never reach the origin");
  }

  @Test
  void aRunTimeHandlerInjectsTheSecretTheContainerNeverSees() {
    Map<String, Object> a = gateway();
    String id = (String) a.get("id");
    server.admin("PUT", "/v1/containers/" + id + "/allowed-hosts", "[\"127.0.0.1/32\"]");
    assertEquals(
        200,
        server
            .admin(
                "PUT",
                "/v1/containers/" + id + "/outbound-by-host/127.0.0.1",
                "{\"handler\": \"bearer\", \"params\": {\"header\": \"X-Api-Key\", \"scheme\":"
                    + " \"Token\"}}")
            .statusCode());

    Curl.Reply reply = Curl.viaProxy(proxy(a), origin.url("/api"), "-H", "X-Api-Key: forged");

    assertEquals(200, reply.status());
    assertEquals("Token " + ExampleServer.API_TOKEN, origin.last().header("X-Api-Key"));
    assertTrue(!reply.body().contains(ExampleServer.API_TOKEN));
  }

  @Test
  void anUnreachableDestinationIs502() throws Exception {
    Map<String, Object> a = gateway();
    server.admin("PUT", "/v1/containers/" + a.get("id") + "/allowed-hosts", "[\"127.0.0.1/32\"]");
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertEquals(502, Curl.viaProxy(proxy(a), "http://127.0.0.1:" + closedPort + "/").status());
  }

  @Test
  void aBodyOverTheLimitIs413AndHugeHeadersAre431() {
    Map<String, Object> app = server.createContainer("my-app", null);
    Path big = dir.resolve("big.bin");
    try {
      Files.write(big, new byte[70_000]);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    assertEquals(
        413,
        Curl.viaProxy(proxy(app), "http://my.kv/big", "-X", "PUT", "--data-binary", "@" + big)
            .status());
    assertEquals(
        431,
        Curl.viaProxy(proxy(app), "http://my.kv/k", "-H", "X-Big: " + "x".repeat(20_000)).status());
  }

  @Test
  void conflictingLengthsAre400AndTheConnectionCloses() {
    Map<String, Object> a = gateway();

    RawHttp.Answer answer =
        RawHttp.send(
            server.proxyPort(),
            "POST http://status.gateway/ HTTP/1.1\r\nHost: status.gateway\r\nContent-Length: 3\r\n"
                + "Transfer-Encoding: chunked\r\nProxy-Authorization: "
                + RawHttp.basic((String) a.get("id"), (String) a.get("token"))
                + "\r\n\r\n0\r\n\r\n");

    assertEquals(400, answer.status(), answer.text());
    assertTrue(answer.closed(), "the connection is closed after a malformed request");
  }

  @Test
  void everyRequestLeavesAnEgressRecord() {
    Map<String, Object> a = gateway();
    String id = (String) a.get("id");
    Curl.viaProxy(proxy(a), "http://status.gateway/one");
    Curl.viaProxy(proxy(a), "http://api.evil.example/two");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records =
        (List<Map<String, Object>>)
            Json.parseObject(server.admin("GET", "/v1/containers/" + id + "/egress", null).body())
                .get("records");

    assertEquals(2, records.size(), records.toString());
    assertEquals("handler", records.get(0).get("decision"));
    assertEquals("/one", records.get(0).get("path"));
    assertEquals(200L, records.get(0).get("status"));
    assertEquals("denied", records.get(1).get("decision"));
    assertEquals("api.evil.example", records.get(1).get("host"));
    assertTrue(Files.exists(dir.resolve("data/egress.log")));
  }
}
