package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's examples driven with curl through the real proxy, as a container would. */
class ExamplesIT {

  private static Path dir;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("outbound-examples-it");
    server = ExampleServer.start(dir.resolve("data"), ExampleServer.config(dir, ""));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String proxyOf(String containerClass, String name) {
    return (String) server.createContainer(containerClass, name).get("proxyUrl");
  }

  @Test
  void myKvStoresReadsAndDeletes() {
    String proxy = proxyOf("my-app", null);

    assertEquals(404, Curl.viaProxy(proxy, "http://my.kv/greeting").status());
    assertEquals(204, Curl.viaProxy(proxy, "http://my.kv/greeting", "-X", "PUT", "--data", "hello").status());
    assertEquals(new Curl.Reply(200, "hello"), Curl.viaProxy(proxy, "http://my.kv/greeting"));
    assertEquals(204, Curl.viaProxy(proxy, "http://my.kv/greeting", "-X", "DELETE").status());
    assertEquals(404, Curl.viaProxy(proxy, "http://my.kv/greeting").status());
  }

  @Test
  void myKvRejectsKeysOverTheLimit() {
    Curl.Reply reply = Curl.viaProxy(proxyOf("my-app", null), "http://my.kv/" + "k".repeat(600), "-X", "PUT",
        "--data", "v");

    assertEquals(400, reply.status(), reply.body());
    assertTrue(reply.body().contains("512"), reply.body());
  }

  @Test
  void myR2KeepsContentTypeAndServesRangesAndConditionals() {
    String proxy = proxyOf("my-app", null);

    Curl.Reply put = Curl.viaProxy(proxy, "http://my.r2/docs/readme.txt", "-X", "PUT",
        "-H", "Content-Type: text/markdown", "--data-binary", "0123456789", "-i");
    assertEquals(201, put.status());
    String etag = header(put.body(), "etag");

    Curl.Reply whole = Curl.viaProxy(proxy, "http://my.r2/docs/readme.txt", "-i");
    assertEquals(200, whole.status());
    assertEquals("text/markdown", header(whole.body(), "content-type"));
    assertTrue(whole.body().endsWith("\r\n\r\n0123456789"), whole.body());

    Curl.Reply range = Curl.viaProxy(proxy, "http://my.r2/docs/readme.txt", "-H", "Range: bytes=2-4", "-i");
    assertEquals(206, range.status());
    assertEquals("bytes 2-4/10", header(range.body(), "content-range"));
    assertTrue(range.body().endsWith("\r\n\r\n234"), range.body());

    assertEquals(304, Curl.viaProxy(proxy, "http://my.r2/docs/readme.txt", "-H", "If-None-Match: " + etag).status());
    assertEquals(200, Curl.viaProxy(proxy, "http://my.r2/docs/readme.txt", "-H", "If-None-Match: \"other\"").status());
    assertEquals(404, Curl.viaProxy(proxy, "http://my.r2/missing").status());
    assertEquals(204, Curl.viaProxy(proxy, "http://my.r2/docs/readme.txt", "-X", "DELETE").status());
    assertEquals(404, Curl.viaProxy(proxy, "http://my.r2/docs/readme.txt").status());
  }

  @Test
  void getStateReadsTheContainersOwnDurableObject() {
    String first = proxyOf("my-container", "state-a");
    String second = proxyOf("my-container", "state-b");

    assertEquals(404, Curl.viaProxy(first, "http://get-state.do/", "-X", "POST", "--data", "colour").status());
    assertEquals(204, Curl.viaProxy(first, "http://get-state.do/colour", "-X", "PUT", "--data", "blue").status());
    assertEquals(new Curl.Reply(200, "blue"),
        Curl.viaProxy(first, "http://get-state.do/", "-X", "POST", "--data", "colour"));
    assertEquals(404, Curl.viaProxy(second, "http://get-state.do/", "-X", "POST", "--data", "colour").status(),
        "another container instance never sees this one's state");
  }

  @Test
  void aNamedContainerFindsItsStateAgain() {
    Map<String, Object> once = server.createContainer("my-container", "again");
    Curl.viaProxy((String) once.get("proxyUrl"), "http://get-state.do/k", "-X", "PUT", "--data", "kept");
    assertEquals(204, server.admin("DELETE", "/v1/containers/" + once.get("id"), null).statusCode());

    Map<String, Object> twice = server.createContainer("my-container", "again");

    assertEquals(once.get("id"), twice.get("id"));
    assertEquals(new Curl.Reply(200, "kept"),
        Curl.viaProxy((String) twice.get("proxyUrl"), "http://get-state.do/", "-X", "POST", "--data", "k"));
  }

  private static String header(String response, String name) {
    for (String line : response.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    throw new AssertionError("no " + name + " header in:\n" + response);
  }
}
