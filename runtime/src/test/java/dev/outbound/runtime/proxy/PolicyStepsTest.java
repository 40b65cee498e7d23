package dev.outbound.runtime.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.Params;
import dev.outbound.runtime.policy.HandlerSelection;
import dev.outbound.runtime.server.Admin;
import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.Origin;
import dev.outbound.runtime.testing.RawHttp;
import dev.outbound.runtime.testing.RawResponse;
import dev.outbound.runtime.testing.TestServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every step of SPEC §4.4, in order, through a running server. */
class PolicyStepsTest {

  @TempDir static Path dir;
  static OutboundServer server;
  static Admin admin;
  static Origin origin;

  @BeforeAll
  static void start() {
    server = TestServers.start(TestServers.config(dir.resolve("data")));
    admin = server.admin();
    origin = Origin.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    origin.close();
  }

  static RawResponse get(CreatedContainer container, String url) throws Exception {
    String host = url.substring("http://".length()).split("/")[0];
    return RawHttp.once(
        server.proxyPort(),
        "GET "
            + url
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nProxy-Authorization: "
            + TestServers.proxyAuthorization(container)
            + "\r\n\r\n");
  }

  static void assertDenied(RawResponse response, String host, String rule) {
    assertEquals(520, response.status(), response.body());
    assertEquals("denied", response.header("X-Outbound-Error"));
    assertEquals("application/json", response.header("Content-Type"));
    Map<String, Object> json = response.json();
    assertEquals("egress_denied", json.get("error"));
    assertEquals(host, json.get("host"));
    assertEquals(rule, json.get("rule"));
    assertTrue(json.get("reason") instanceof String reason && !reason.isEmpty(), response.body());
  }

  @Test
  void step1DeniedHostsWinOverAMatchingHandler() throws Exception {
    CreatedContainer container = admin.create("test-app", null);
    assertDenied(get(container, "http://x.evil.test/"), "x.evil.test", "deniedHosts:*.evil.test");

    assertEquals(200, get(container, "http://my.kv/k").status());
    admin.setDeniedHosts(container.instance().id(), List.of("my.kv"));
    assertDenied(get(container, "http://my.kv/k"), "my.kv", "deniedHosts:my.kv");
  }

  @Test
  void step1DeniedHostsWinOverAllowedHosts() throws Exception {
    CreatedContainer container = admin.create("test-app", null);
    admin.setAllowedHosts(container.instance().id(), List.of("*.test"));
    assertDenied(get(container, "http://x.evil.test/"), "x.evil.test", "deniedHosts:*.evil.test");
  }

  @Test
  void step2AllowedHostsDenyEverythingElse() throws Exception {
    CreatedContainer container = admin.create("test-app", null);
    admin.setAllowedHosts(container.instance().id(), List.of("echo.test"));
    assertDenied(get(container, "http://my.kv/k"), "my.kv", "allowedHosts");

    admin.setAllowedHosts(container.instance().id(), List.of());
    assertDenied(get(container, "http://echo.test/"), "echo.test", "allowedHosts");
  }

  @Test
  void step3RunTimeHostHandlerBeatsTheStaticOne() throws Exception {
    CreatedContainer container = admin.create("test-app", null);
    admin.setOutboundForHost(
        container.instance().id(),
        "my.kv",
        new HandlerSelection("greet", Params.of(Map.of("who", "world"))));
    RawResponse response = get(container, "http://my.kv/k");
    assertEquals("hello world from my.kv", response.body());

    CreatedContainer other = admin.create("test-app", null);
    assertTrue(
        get(other, "http://my.kv/k").body().startsWith("kv GET"), "overrides are per instance");
  }

  @Test
  void step4StaticHostHandler() throws Exception {
    CreatedContainer container = admin.create("test-app", null);
    assertTrue(get(container, "http://my.kv/k").body().startsWith("kv GET http://my.kv/k"));
  }

  @Test
  void step5RunTimeCatchAllBeatsTheStaticCatchAllButNotAHostHandler() throws Exception {
    CreatedContainer container = admin.create("catchall-app", null);
    admin.setOutbound(container.instance().id(), new HandlerSelection("named", Params.empty()));
    assertEquals("run-time catch-all", get(container, "http://anything.test/").body());
    assertEquals("static handler", get(container, "http://static.test/").body());
  }

  @Test
  void step6StaticCatchAll() throws Exception {
    CreatedContainer container = admin.create("catchall-app", null);
    assertEquals(
        "static catch-all for anything.test", get(container, "http://anything.test/").body());
  }

  @Test
  void step7AllowedHostsPassThroughTheEgressGuardOnlyWithACidrEntry() throws Exception {
    CreatedContainer container = admin.create("test-app", null);
    String url = "http://localhost:" + origin.port() + "/hello?q=1";
    admin.setAllowedHosts(container.instance().id(), List.of("localhost"));
    assertDenied(get(container, url), "localhost", "egress-guard");

    admin.setAllowedHosts(container.instance().id(), List.of("localhost", "127.0.0.0/8"));
    RawResponse response = get(container, url);
    assertEquals(200, response.status(), response.body());
    assertEquals(
        "origin GET /hello?q=1 body=0 authorization=null proxy-authorization=null",
        response.body());
    assertEquals("yes", response.header("X-Origin"));
  }

  @Test
  void step8EnableInternetPassesOnButTheGuardStillRefusesLoopback() throws Exception {
    CreatedContainer open = admin.create("open-app", null);
    assertDenied(get(open, "http://localhost:" + origin.port() + "/"), "localhost", "egress-guard");
  }

  @Test
  void step9EverythingElseIsDenied() throws Exception {
    CreatedContainer container = admin.create("test-app", null);
    assertDenied(get(container, "http://unknown.test/"), "unknown.test", "default");
    assertDenied(get(container, "http://localhost:" + origin.port() + "/"), "localhost", "default");
  }

  @Test
  void handlerFetchGoesThroughTheGuardWithTheSecretInjected() throws Exception {
    CreatedContainer container = admin.create("test-app", null);
    String url = "http://127.0.0.1:" + origin.port() + "/api";
    assertDenied(get(container, url), "127.0.0.1", "egress-guard");

    admin.setAllowedHosts(container.instance().id(), List.of("127.0.0.0/8"));
    RawResponse response = get(container, url);
    assertEquals(
        "origin GET /api body=0 authorization=Bearer "
            + TestServers.API_TOKEN
            + " proxy-authorization=null",
        response.body());
  }
}
