package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API and the {@code containers} CLI against the server jar. */
class AdminIT {

  private static Path dir;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("outbound-admin-it");
    server = ExampleServer.start(dir.resolve("data"), ExampleServer.config(dir, ""));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theAdminTokenIsPrivateAndRequired() throws Exception {
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("data/admin.token"))));
    HttpClient http = HttpClient.newHttpClient();
    URI containers = URI.create("http://127.0.0.1:" + server.adminPort() + "/v1/containers");

    HttpResponse<String> none =
        http.send(
            HttpRequest.newBuilder(containers).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(containers)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer wrong")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(401, none.statusCode());
    assertEquals(401, wrong.statusCode());
  }

  @Test
  void containersAreCreatedListedReadAndDeleted() {
    Map<String, Object> created = server.createContainer("my-app", "admin-it");
    String id = (String) created.get("id");
    assertEquals("admin-it", created.get("name"));
    assertEquals("my-app", created.get("class"));
    assertTrue(
        ((String) created.get("proxyUrl")).startsWith("http://" + id + ":"), created.toString());

    assertTrue(server.admin("GET", "/v1/containers", null).body().contains(id));
    assertEquals(200, server.admin("GET", "/v1/containers/" + id, null).statusCode());
    assertEquals(
        409,
        server
            .admin("POST", "/v1/containers", "{\"class\":\"my-app\",\"name\":\"admin-it\"}")
            .statusCode());
    assertEquals(204, server.admin("DELETE", "/v1/containers/" + id, null).statusCode());
    assertEquals(404, server.admin("GET", "/v1/containers/" + id, null).statusCode());
    assertEquals(
        407,
        Curl.viaProxy((String) created.get("proxyUrl"), "http://my.kv/k").status(),
        "a deleted container's credentials stop working");
  }

  @Test
  void badRequestsGetClearErrors() {
    var unknownClass = server.admin("POST", "/v1/containers", "{\"class\":\"no-such-class\"}");
    var badPattern =
        server.admin(
            "PUT",
            "/v1/containers/" + server.createContainer("my-app", null).get("id") + "/allowed-hosts",
            "[\"a..b\"]");
    var badJson = server.admin("POST", "/v1/containers", "{");

    assertEquals(400, unknownClass.statusCode());
    assertTrue(unknownClass.body().contains("no-such-class"), unknownClass.body());
    assertEquals(400, badPattern.statusCode());
    assertTrue(badPattern.body().contains("a..b"), badPattern.body());
    assertEquals(400, badJson.statusCode());
  }

  @Test
  void theContainersCommandTalksToARunningServer() {
    String admin = "http://127.0.0.1:" + server.adminPort();
    List<String> base =
        List.of(Processes.java(), "-jar", System.getProperty("outbound.examplesJar"), "containers");
    Path data = dir.resolve("data");

    ProcessResult created =
        run(
            base,
            "create",
            "--class",
            "api-gateway",
            "--name",
            "cli-made",
            "--admin",
            admin,
            "--data-dir",
            data.toString());
    String id = (String) Json.parseObject(created.output().strip()).get("id");
    ProcessResult listed = run(base, "list", "--admin", admin, "--data-dir", data.toString());
    ProcessResult deleted =
        run(base, "delete", id, "--admin", admin, "--data-dir", data.toString());

    assertTrue(listed.output().contains("cli-made"), listed.output());
    assertEquals(0, deleted.exitCode(), deleted.output());
    assertEquals(404, server.admin("GET", "/v1/containers/" + id, null).statusCode());
    assertEquals(
        2,
        Processes.run(dir, Duration.ofSeconds(30), Map.of(), concat(base, "frobnicate")).exitCode(),
        "an unknown action is a usage error");
  }

  @Test
  void healthAndMetricsAreOnTheAdminListener() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + server.adminPort();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/observe/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    Curl.viaProxy(
        (String) server.createContainer("api-gateway", null).get("proxyUrl"),
        "http://status.gateway/");
    HttpRequest scrape =
        HttpRequest.newBuilder(URI.create(base + "/observe/metrics"))
            .header("Accept", "text/plain")
            .build();
    HttpResponse<String> metrics = http.send(scrape, HttpResponse.BodyHandlers.ofString());
    // a request is counted once its answer is out, so the count may trail the response a little
    for (int wait = 0; wait < 50 && !metrics.body().contains("api-gateway"); wait++) {
      Thread.sleep(100);
      metrics = http.send(scrape, HttpResponse.BodyHandlers.ofString());
    }

    assertEquals(2, health.statusCode() / 100, "health answers UP (Helidon: 204 without details)");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("api-gateway"), "metrics are labelled by container class");
  }

  private ProcessResult run(List<String> base, String... args) {
    ProcessResult result = Processes.run(dir, Duration.ofSeconds(60), Map.of(), concat(base, args));
    return result.assertSuccess("containers " + args[0]);
  }

  private static List<String> concat(List<String> base, String... more) {
    List<String> all = new java.util.ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
