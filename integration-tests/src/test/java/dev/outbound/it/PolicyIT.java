package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outbound.json.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4.4 step by step through the server jar, and run-time overrides that survive a restart. */
class PolicyIT {

  @TempDir
  Path dir;

  private LocalOrigin origin;
  private ServerProcess server;

  @BeforeEach
  void start() {
    origin = new LocalOrigin();
    server = ExampleServer.start(dir.resolve("data"), config());
  }

  @AfterEach
  void stop() {
    server.close();
    origin.close();
  }

  private Path config() {
    return ExampleServer.config(dir, """
          classes:
            my-container:
              enable-internet: true
        """);
  }

  private static String rule(Curl.Reply reply) {
    return (String) Json.parseObject(reply.body()).get("rule");
  }

  private String put(String id, String path, String json) {
    var response = server.admin("PUT", "/v1/containers/" + id + path, json);
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  @Test
  void everyStepInOrder() {
    Map<String, Object> gateway = server.createContainer("api-gateway", null);
    String id = (String) gateway.get("id");
    String proxy = (String) gateway.get("proxyUrl");

    // 4: a static @OutboundHost handler
    assertEquals("gateway ok\n", Curl.viaProxy(proxy, "http://status.gateway/").body());
    // 6: the static catch-all (ctx.fetch, refused by the egress guard without an IP entry)
    assertEquals("egress-guard", rule(Curl.viaProxy(proxy, origin.url("/"))));
    // 2 beats 4: allowedHosts set and not matched denies even a host with a handler
    put(id, "/allowed-hosts", "[\"127.0.0.1/32\"]");
    assertEquals("allowedHosts", rule(Curl.viaProxy(proxy, "http://status.gateway/")));
    // 6 with the IP entry: the catch-all's fetch passes
    assertEquals("origin /six\n", Curl.viaProxy(proxy, origin.url("/six")).body());
    // 5 beats 6: a run-time catch-all
    put(id, "/outbound", "{\"handler\": \"bearer\"}");
    Curl.viaProxy(proxy, origin.url("/five"));
    assertEquals("Bearer " + ExampleServer.API_TOKEN, origin.last().header("Authorization"));
    // 3 beats 4: a run-time per-host handler on a host with a static handler
    put(id, "/allowed-hosts", "[\"127.0.0.1/32\", \"status.gateway\"]");
    put(id, "/outbound-by-host/status.gateway", "{\"handler\": \"bearer\"}");
    // (the bearer handler passes the request on, and status.gateway resolves nowhere: 502, not "gateway ok")
    Curl.Reply runTime = Curl.viaProxy(proxy, "http://status.gateway/");
    assertEquals(502, runTime.status(), runTime.body());
    // 1 beats everything: a run-time denial
    put(id, "/denied-hosts", "[\"127.0.0.0/8\"]");
    assertEquals("deniedHosts:127.0.0.0/8", rule(Curl.viaProxy(proxy, origin.url("/one"))));
  }

  @Test
  void allowedHostsPassOnAndEnableInternetIsStillGuarded() {
    // my-container has no catch-all; the config turns enableInternet on
    Map<String, Object> container = server.createContainer("my-container", null);
    String id = (String) container.get("id");
    String proxy = (String) container.get("proxyUrl");

    // 8: enableInternet passes on, and the egress guard refuses loopback
    assertEquals("egress-guard", rule(Curl.viaProxy(proxy, origin.url("/eight"))));
    // 7: a host that matched allowedHosts is passed on
    put(id, "/allowed-hosts", "[\"127.0.0.1/32\", \"get-state.do\"]");
    Curl.Reply passed = Curl.viaProxy(proxy, origin.url("/seven"));
    assertEquals(200, passed.status());
    assertEquals("origin /seven\n", passed.body());
  }

  @Test
  void registrationsAndOverridesSurviveARestart() {
    Map<String, Object> gateway = server.createContainer("api-gateway", "survivor");
    String id = (String) gateway.get("id");
    put(id, "/allowed-hosts", "[\"127.0.0.1/32\"]");
    put(id, "/outbound-by-host/127.0.0.1", "{\"handler\": \"bearer\", \"params\": {\"scheme\": \"Key\"}}");

    server.stop();
    server = ExampleServer.start(dir.resolve("data"), config());
    String proxy = ((String) gateway.get("proxyUrl")).replaceAll(":\\d+$", ":" + server.proxyPort());

    Curl.Reply reply = Curl.viaProxy(proxy, origin.url("/after-restart"));
    assertEquals(200, reply.status(), reply.body());
    assertEquals("Key " + ExampleServer.API_TOKEN, origin.last().header("Authorization"));
  }
}
