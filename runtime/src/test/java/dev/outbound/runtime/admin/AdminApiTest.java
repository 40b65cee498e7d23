package dev.outbound.runtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.json.Json;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.RawHttp;
import dev.outbound.runtime.testing.RawResponse;
import dev.outbound.runtime.testing.TestServers;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin HTTP API (SPEC §4.8): token, containers, run-time policy, egress records, health and
 * metrics.
 */
class AdminApiTest {

  @TempDir static Path dir;
  static OutboundServer server;
  static HttpClient client = HttpClient.newHttpClient();
  static String token;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(TestServers.config(dir.resolve("data")));
    token = AdminToken.read(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static HttpResponse<String> call(String method, String path, String body, String bearer)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> call(String method, String path, String body) throws Exception {
    return call(method, path, body, token);
  }

  static Map<String, Object> json(HttpResponse<String> response) {
    return Json.parseObject(response.body());
  }

  static Map<String, Object> create(String body) throws Exception {
    HttpResponse<String> response = call("POST", "/v1/containers", body);
    assertEquals(201, response.statusCode(), response.body());
    return json(response);
  }

  @Test
  void tokenFileIsPrivateAndLongEnough() throws Exception {
    Path file = dir.resolve("data").resolve("admin.token");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(token.matches("[0-9a-f]{64}"), token);
  }

  @Test
  void withoutOrWithAWrongBearerTokenItIs401() throws Exception {
    HttpResponse<String> none = call("GET", "/v1/containers", null, null);
    assertEquals(401, none.statusCode());
    assertEquals("unauthorized", json(none).get("error"));
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(401, call("GET", "/v1/containers", null, "0".repeat(64)).statusCode());
    assertEquals(
        401, call("POST", "/v1/containers", "{\"class\":\"test-app\"}", token + "x").statusCode());
  }

  @Test
  void createReturnsAProxyUrlThatWorks() throws Exception {
    Map<String, Object> created = create("{\"class\":\"test-app\",\"name\":\"web-1\"}");
    String id = (String) created.get("id");
    assertEquals("web-1", created.get("name"));
    assertEquals("test-app", created.get("class"));
    String caCertPem = (String) created.get("caCertPem");
    assertTrue(caCertPem.startsWith("-----BEGIN CERTIFICATE-----"), caCertPem);
    HttpResponse<String> ca = call("GET", "/v1/ca", null, token);
    assertEquals(200, ca.statusCode());
    assertEquals(caCertPem, ca.body(), "GET /v1/ca serves the CA that create hands out");
    assertEquals("application/x-pem-file", ca.headers().firstValue("Content-Type").orElse(""));
    String proxyUrl = (String) created.get("proxyUrl");
    assertEquals(
        "http://" + id + ":" + created.get("token") + "@127.0.0.1:" + server.proxyPort(), proxyUrl);

    URI proxy = URI.create(proxyUrl);
    HttpClient viaProxy =
        HttpClient.newBuilder()
            .proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())))
            .build();
    String[] user = proxy.getUserInfo().split(":", 2);
    HttpResponse<String> response =
        viaProxy.send(
            HttpRequest.newBuilder(URI.create("http://my.kv/hello"))
                .header("Proxy-Authorization", TestServers.basic(user[0], user[1]))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.body().startsWith("kv GET http://my.kv/hello container=web-1"), response.body());
  }

  @Test
  void listGetAndDelete() throws Exception {
    String id = (String) create("{\"class\":\"open-app\",\"name\":\"to-delete\"}").get("id");
    String created = (String) create("{\"class\":\"open-app\"}").get("token");
    assertTrue(call("GET", "/v1/containers", null).body().contains(id));
    Map<String, Object> one = json(call("GET", "/v1/containers/" + id, null));
    assertEquals("to-delete", one.get("name"));
    assertEquals("open-app", one.get("class"));
    assertTrue(
        one.get("token") == null, "the token is shown only at creation: " + created.length());

    HttpResponse<String> deleted = call("DELETE", "/v1/containers/" + id, null);
    assertEquals(204, deleted.statusCode());
    assertEquals(404, call("GET", "/v1/containers/" + id, null).statusCode());
    assertEquals(404, call("DELETE", "/v1/containers/" + id, null).statusCode());
    assertTrue(!call("GET", "/v1/containers", null).body().contains(id));
  }

  @Test
  void deletedContainersCredentialsStopWorking() throws Exception {
    Map<String, Object> created = create("{\"class\":\"test-app\"}");
    String auth = TestServers.basic((String) created.get("id"), (String) created.get("token"));
    String request =
        "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\nProxy-Authorization: " + auth + "\r\n\r\n";
    assertEquals(200, RawHttp.once(server.proxyPort(), request).status());
    call("DELETE", "/v1/containers/" + created.get("id"), null);
    assertEquals(407, RawHttp.once(server.proxyPort(), request).status());
  }

  @Test
  void badRequestsAre400And409And404() throws Exception {
    assertEquals(400, call("POST", "/v1/containers", "{\"class\":\"no-such-class\"}").statusCode());
    assertEquals(400, call("POST", "/v1/containers", "{\"name\":\"x\"}").statusCode());
    assertEquals(400, call("POST", "/v1/containers", "not json").statusCode());
    create("{\"class\":\"test-app\",\"name\":\"taken\"}");
    HttpResponse<String> duplicate =
        call("POST", "/v1/containers", "{\"class\":\"test-app\",\"name\":\"taken\"}");
    assertEquals(409, duplicate.statusCode());
    assertEquals("conflict", json(duplicate).get("error"));
    assertEquals(404, call("GET", "/v1/containers/" + "a".repeat(64), null).statusCode());
    assertEquals(
        404, call("PUT", "/v1/containers/" + "a".repeat(64) + "/allowed-hosts", "[]").statusCode());
    assertEquals(404, call("GET", "/v1/nothing-here", null).statusCode());
  }

  @Test
  void runTimePolicyEndpointsChangeRoutingAndRefuseBadInput() throws Exception {
    Map<String, Object> created = create("{\"class\":\"test-app\"}");
    String id = (String) created.get("id");
    String auth = TestServers.basic(id, (String) created.get("token"));
    String base = "/v1/containers/" + id;

    assertEquals(400, call("PUT", base + "/allowed-hosts", "[\"bad host pattern!\"]").statusCode());
    assertEquals(400, call("PUT", base + "/allowed-hosts", "{\"not\":\"an array\"}").statusCode());
    assertEquals(
        400, call("PUT", base + "/outbound", "{\"handler\":\"no-such-handler\"}").statusCode());
    HttpResponse<String> badParams =
        call("PUT", base + "/outbound", "{\"handler\":\"greet\",\"params\":{\"who\":1}}");
    assertEquals(400, badParams.statusCode());
    assertTrue(json(badParams).get("message").toString().contains("who"), badParams.body());

    HttpResponse<String> byHost =
        call(
            "PUT",
            base + "/outbound-by-host/*.kv",
            "{\"handler\":\"greet\",\"params\":{\"who\":\"admin\"}}");
    assertEquals(200, byHost.statusCode(), byHost.body());
    String request =
        "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\nProxy-Authorization: " + auth + "\r\n\r\n";
    assertEquals("hello admin from my.kv", RawHttp.once(server.proxyPort(), request).body());

    assertEquals(
        200,
        call(
                "PUT",
                base + "/outbound-by-host/10.0.0.0/8",
                "{\"handler\":\"greet\",\"params\":{\"who\":\"cidr\"}}")
            .statusCode());
    String cidrRequest =
        "GET http://10.1.2.3/ HTTP/1.1\r\nHost: x\r\nProxy-Authorization: " + auth + "\r\n\r\n";
    assertEquals("hello cidr from 10.1.2.3", RawHttp.once(server.proxyPort(), cidrRequest).body());

    assertEquals(200, call("DELETE", base + "/outbound-by-host/*.kv", null).statusCode());
    assertEquals(404, call("DELETE", base + "/outbound-by-host/*.kv", null).statusCode());
    assertTrue(RawHttp.once(server.proxyPort(), request).body().startsWith("kv GET"));

    assertEquals(200, call("PUT", base + "/denied-hosts", "[\"my.kv\"]").statusCode());
    assertEquals(520, RawHttp.once(server.proxyPort(), request).status());
    assertEquals(200, call("DELETE", base + "/denied-hosts", null).statusCode());
    assertEquals(200, RawHttp.once(server.proxyPort(), request).status());

    assertEquals(200, call("PUT", base + "/allowed-hosts", "[\"echo.test\"]").statusCode());
    assertEquals(520, RawHttp.once(server.proxyPort(), request).status());
    Map<String, Object> details = json(call("DELETE", base + "/allowed-hosts", null));
    @SuppressWarnings("unchecked")
    Map<String, Object> overrides = (Map<String, Object>) details.get("overrides");
    assertNull(overrides.get("allowedHosts"));
    assertEquals(200, RawHttp.once(server.proxyPort(), request).status());

    HttpResponse<String> catchAll =
        call("PUT", base + "/outbound", "{\"handler\":\"greet\",\"params\":{\"who\":\"all\"}}");
    assertEquals(200, catchAll.statusCode());
    String unknown =
        "GET http://unknown.test/ HTTP/1.1\r\nHost: x\r\nProxy-Authorization: " + auth + "\r\n\r\n";
    assertEquals("hello all from unknown.test", RawHttp.once(server.proxyPort(), unknown).body());
    assertEquals(200, call("DELETE", base + "/outbound", null).statusCode());
    assertEquals(520, RawHttp.once(server.proxyPort(), unknown).status());
  }

  @Test
  void egressEndpointListsTheContainersRecords() throws Exception {
    Map<String, Object> created = create("{\"class\":\"test-app\"}");
    String id = (String) created.get("id");
    String auth = TestServers.basic(id, (String) created.get("token"));
    RawHttp.once(
        server.proxyPort(),
        "POST http://my.kv/first HTTP/1.1\r\nHost: my.kv\r\nProxy-Authorization: "
            + auth
            + "\r\nContent-Length: 3\r\n\r\nabc");
    RawHttp.once(
        server.proxyPort(),
        "GET http://x.evil.test/second HTTP/1.1\r\nHost: x\r\nProxy-Authorization: "
            + auth
            + "\r\n\r\n");

    // a record is made once its answer is out, so it may trail the response a little
    HttpResponse<String> response = call("GET", "/v1/containers/" + id + "/egress?limit=10", null);
    for (int wait = 0; wait < 50 && !response.body().contains("/second"); wait++) {
      Thread.sleep(50);
      response = call("GET", "/v1/containers/" + id + "/egress?limit=10", null);
    }
    assertEquals(200, response.statusCode(), response.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records = (List<Map<String, Object>>) json(response).get("records");
    assertEquals(2, records.size(), response.body());
    Map<String, Object> first = records.get(0);
    assertEquals(id, first.get("containerId"));
    assertEquals("test-app", first.get("containerClass"));
    assertEquals("POST", first.get("method"));
    assertEquals("http", first.get("scheme"));
    assertEquals("my.kv", first.get("host"));
    assertEquals(80L, first.get("port"));
    assertEquals("/first", first.get("path"));
    assertEquals("handler", first.get("decision"));
    assertEquals("handler:kv", first.get("rule"));
    assertEquals(200L, first.get("status"));
    Map<String, Object> second = records.get(1);
    assertEquals("denied", second.get("decision"));
    assertEquals("deniedHosts:*.evil.test", second.get("rule"));
    assertEquals(520L, second.get("status"));

    @SuppressWarnings("unchecked")
    List<Object> limited =
        (List<Object>)
            json(call("GET", "/v1/containers/" + id + "/egress?limit=1", null)).get("records");
    assertEquals(1, limited.size());
    assertEquals(400, call("GET", "/v1/containers/" + id + "/egress?limit=x", null).statusCode());

    String log = Files.readString(dir.resolve("data").resolve("egress.log"));
    for (int wait = 0; wait < 50 && !log.contains("/second"); wait++) {
      Thread.sleep(100);
      log = Files.readString(dir.resolve("data").resolve("egress.log"));
    }
    assertTrue(log.contains("\"path\":\"/second\""), log);
  }

  @Test
  void healthAndPrometheusMetricsAreOnTheAdminListener() throws Exception {
    Map<String, Object> created = create("{\"class\":\"test-app\"}");
    String auth = TestServers.basic((String) created.get("id"), (String) created.get("token"));
    RawHttp.once(
        server.proxyPort(),
        "GET http://x.evil.test/ HTTP/1.1\r\nHost: x\r\nProxy-Authorization: " + auth + "\r\n\r\n");

    int health = call("GET", "/observe/health", null, null).statusCode();
    assertTrue(health == 200 || health == 204, "health is UP without details: " + health);
    HttpRequest scrape =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.adminPort() + "/observe/metrics"))
            .header("Accept", "text/plain")
            .build();
    HttpResponse<String> metrics = client.send(scrape, HttpResponse.BodyHandlers.ofString());
    // counted once the answer is out, so the count may trail the response a little
    for (int wait = 0; wait < 50 && !metrics.body().contains("outbound_denials_total{"); wait++) {
      Thread.sleep(50);
      metrics = client.send(scrape, HttpResponse.BodyHandlers.ofString());
    }
    assertEquals(200, metrics.statusCode());
    String text = metrics.body();
    assertTrue(text.contains("outbound_requests_total{"), text);
    assertTrue(text.contains("class=\"test-app\""), text);
    assertTrue(text.contains("decision=\"denied\""), text);
    assertTrue(text.contains("outbound_denials_total{"), text);
    assertTrue(text.contains("outbound_request_duration_seconds_bucket{"), text);
    assertTrue(
        java.util.regex.Pattern.compile(
                "(?m)^outbound_request_duration_seconds_bucket\\{class=\"test-app\","
                    + "decision=\"denied\",le=\"\\+Inf\"} [1-9]\\d*$")
            .matcher(text)
            .find(),
        text);
    assertEquals(
        "text/plain; version=0.0.4; charset=utf-8",
        metrics.headers().firstValue("Content-Type").orElse(""));

    RawResponse fromProxy =
        RawHttp.once(server.proxyPort(), "GET /observe/health HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(407, fromProxy.status(), "the admin API is not on the proxy listener");
  }
}
