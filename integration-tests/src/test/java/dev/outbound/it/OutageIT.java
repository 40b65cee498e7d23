package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A proxy node whose Redis or S3 is stopped: requests that need it are answered {@code 503} with the
 * reason, quickly; everything else keeps working; and once the service is started again on the same port
 * the node uses it with no restart of its own.
 */
class OutageIT {

  /** The longest a request may take to say its backend is down. */
  private static final Duration PROMPT = Duration.ofSeconds(5);
  /** How long the node may take to notice that its backend is back. */
  private static final Duration RECOVERY = Duration.ofSeconds(15);

  private static SharedBackends backends;
  private static ServerProcess node;
  private static String myApp;
  private static String gateway;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("outbound-outage-it");
    backends = SharedBackends.start(dir);
    node = backends.startNode(Files.createDirectories(dir.resolve("node")));
    myApp = (String) node.createContainer("my-app", null).get("proxyUrl");
    gateway = (String) node.createContainer("api-gateway", null).get("proxyUrl");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      node.close();
    } finally {
      backends.close();
    }
  }

  @Test
  void whileRedisIsDownKvAnswers503AndTheBucketAndOtherContainersWork() throws Exception {
    assertEquals(204, Curl.viaProxy(myApp, "http://my.kv/before-redis-outage", "-X", "PUT", "--data", "kept").status());

    backends.redis.stop();
    try {
      // A key this node never read, so that no cached copy answers for Redis.
      assertUnavailable(() -> Curl.viaProxy(myApp, "http://my.kv/never-read", "-i"));
      assertUnavailable(() -> Curl.viaProxy(myApp, "http://my.kv/refused", "-i", "-X", "PUT", "--data", "lost"));
      assertEquals(201, putObject("during-redis-outage", "fine").status());
      assertEquals(new Curl.Reply(200, "fine"), Curl.viaProxy(myApp, "http://my.r2/during-redis-outage"));
      assertEquals(new Curl.Reply(200, "gateway ok\n"), Curl.viaProxy(gateway, "http://status.gateway/"));
    } finally {
      backends.redis.restart();
    }

    assertEquals(new Curl.Reply(200, "kept"), awaitAvailable(() -> Curl.viaProxy(myApp, "http://my.kv/before-redis-outage")));
    assertEquals(404, Curl.viaProxy(myApp, "http://my.kv/refused").status(), "a refused put was not done");
    assertEquals(204, Curl.viaProxy(myApp, "http://my.kv/after-redis-outage", "-X", "PUT", "--data", "new").status());
    assertEquals(new Curl.Reply(200, "new"), Curl.viaProxy(myApp, "http://my.kv/after-redis-outage"));
  }

  @Test
  void whileS3IsDownTheBucketAnswers503AndKvAndOtherContainersWork() throws Exception {
    assertEquals(201, putObject("before-s3-outage", "kept").status());

    backends.s3.stop();
    try {
      assertUnavailable(() -> Curl.viaProxy(myApp, "http://my.r2/before-s3-outage", "-i"));
      assertUnavailable(() -> Curl.viaProxy(myApp, "http://my.r2/refused", "-i", "-X", "PUT",
          "-H", "Content-Type: text/plain", "--data-binary", "lost"));
      assertEquals(204, Curl.viaProxy(myApp, "http://my.kv/during-s3-outage", "-X", "PUT", "--data", "fine").status());
      assertEquals(new Curl.Reply(200, "fine"), Curl.viaProxy(myApp, "http://my.kv/during-s3-outage"));
      assertEquals(new Curl.Reply(200, "gateway ok\n"), Curl.viaProxy(gateway, "http://status.gateway/"));
    } finally {
      backends.s3.restart();
    }

    assertEquals(new Curl.Reply(200, "kept"), awaitAvailable(() -> Curl.viaProxy(myApp, "http://my.r2/before-s3-outage")));
    assertEquals(404, Curl.viaProxy(myApp, "http://my.r2/refused").status(), "a refused put was not done");
    assertEquals(201, putObject("after-s3-outage", "new").status());
    assertEquals(new Curl.Reply(200, "new"), Curl.viaProxy(myApp, "http://my.r2/after-s3-outage"));
  }

  /**
   * Puts a text object. Not with curl's default form type: s3proxy's web server reads a form body as
   * parameters, so the signed body it checks is empty.
   */
  private static Curl.Reply putObject(String key, String text) {
    return Curl.viaProxy(myApp, "http://my.r2/" + key, "-X", "PUT", "-H", "Content-Type: text/plain",
        "--data-binary", text);
  }

  /** Runs {@code request} (with {@code -i}) and checks it is a prompt 503 that names the reason. */
  private static void assertUnavailable(Supplier<Curl.Reply> request) {
    Instant started = Instant.now();
    Curl.Reply reply = request.get();
    Duration took = Duration.between(started, Instant.now());

    assertEquals(503, reply.status(), reply.body());
    assertTrue(took.compareTo(PROMPT) < 0, "503 took " + took);
    int bodyStart = reply.body().indexOf("\r\n\r\n");
    String headers = reply.body().substring(0, bodyStart).toLowerCase();
    assertTrue(headers.contains("\r\nx-outbound-error: binding-unavailable"), headers);
    Map<String, Object> json = Json.parseObject(reply.body().substring(bodyStart + 4));
    assertEquals("binding_unavailable", json.get("error"));
    assertTrue(json.get("message") instanceof String message && !message.isBlank(), reply.body());
  }

  /** Repeats {@code request} until it is not a 503, for at most {@link #RECOVERY}. */
  private static Curl.Reply awaitAvailable(Supplier<Curl.Reply> request) throws InterruptedException {
    Instant deadline = Instant.now().plus(RECOVERY);
    Curl.Reply reply = request.get();
    while (reply.status() == 503 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      reply = request.get();
    }
    return reply;
  }
}
