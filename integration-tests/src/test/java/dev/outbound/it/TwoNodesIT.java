package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two proxy nodes, separate processes with their own data directories and ports, configured with the
 * same Redis for {@code KV} and the same S3 bucket for {@code BUCKET}: what a container writes through
 * one node, a container of the other reads.
 *
 * <p>A node caches what it reads from KV for up to the read's {@code cacheTtl} (60 s for a plain get), so
 * each read on the other node is of a key that node never read before: its first read goes to Redis.
 */
class TwoNodesIT {

  private static SharedBackends backends;
  private static ServerProcess nodeA;
  private static ServerProcess nodeB;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("outbound-two-nodes-it");
    backends = SharedBackends.start(dir);
    nodeA = backends.startNode(Files.createDirectories(dir.resolve("node-a")));
    nodeB = backends.startNode(Files.createDirectories(dir.resolve("node-b")));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      nodeA.close();
      nodeB.close();
    } finally {
      backends.close();
    }
  }

  private static String myApp(ServerProcess node) {
    return (String) node.createContainer("my-app", null).get("proxyUrl");
  }

  @Test
  void aKvValueWrittenThroughOneNodeIsReadThroughTheOther() {
    String viaA = myApp(nodeA);
    String viaB = myApp(nodeB);

    assertEquals(204, Curl.viaProxy(viaA, "http://my.kv/written-on-a", "-X", "PUT", "--data", "from a").status());
    assertEquals(new Curl.Reply(200, "from a"), Curl.viaProxy(viaB, "http://my.kv/written-on-a"));

    assertEquals(204, Curl.viaProxy(viaB, "http://my.kv/written-on-b", "-X", "PUT", "--data", "from b").status());
    assertEquals(new Curl.Reply(200, "from b"), Curl.viaProxy(viaA, "http://my.kv/written-on-b"));

    assertEquals(204, Curl.viaProxy(viaA, "http://my.kv/deleted-on-a", "-X", "PUT", "--data", "short-lived").status());
    assertEquals(204, Curl.viaProxy(viaA, "http://my.kv/deleted-on-a", "-X", "DELETE").status());
    assertEquals(404, Curl.viaProxy(viaB, "http://my.kv/deleted-on-a").status());
  }

  @Test
  void anObjectWrittenThroughOneNodeIsReadAndDeletedThroughTheOther() {
    String viaA = myApp(nodeA);
    String viaB = myApp(nodeB);

    Curl.Reply put = Curl.viaProxy(viaA, "http://my.r2/shared/report.txt", "-X", "PUT",
        "-H", "Content-Type: text/plain", "--data-binary", "written through node a");
    assertEquals(201, put.status(), put.body());

    Curl.Reply read = Curl.viaProxy(viaB, "http://my.r2/shared/report.txt", "-i");
    assertEquals(200, read.status(), read.body());
    assertTrue(read.body().toLowerCase().contains("content-type: text/plain"), read.body());
    assertTrue(read.body().endsWith("\r\n\r\nwritten through node a"), read.body());

    // S3 reads after writes and deletes are strongly consistent, and the bucket caches nothing.
    assertEquals(204, Curl.viaProxy(viaB, "http://my.r2/shared/report.txt", "-X", "DELETE").status());
    assertEquals(404, Curl.viaProxy(viaA, "http://my.r2/shared/report.txt").status());
  }
}
