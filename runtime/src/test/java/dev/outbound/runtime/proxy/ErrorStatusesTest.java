package dev.outbound.runtime.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.log.EgressRecord;
import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.RawHttp;
import dev.outbound.runtime.testing.RawResponse;
import dev.outbound.runtime.testing.TestApp;
import dev.outbound.runtime.testing.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a container sees when things go wrong (SPEC §4.6), each with the status it must get. */
class ErrorStatusesTest {

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

  static String auth(CreatedContainer container) {
    return "Proxy-Authorization: " + TestServers.proxyAuthorization(container) + "\r\n";
  }

  static RawResponse get(CreatedContainer container, String url) throws Exception {
    String host = url.substring("http://".length()).split("/")[0];
    return RawHttp.once(
        server.proxyPort(),
        "GET " + url + " HTTP/1.1\r\nHost: " + host + "\r\n" + auth(container) + "\r\n");
  }

  @Test
  void aBindingWhoseServiceIsDownIs503WithTheReasonWhileOtherRoutesWork() throws Exception {
    RawResponse response = get(alice, "http://down.test/");

    assertEquals(503, response.status());
    assertEquals("binding-unavailable", response.header("X-Outbound-Error"));
    assertEquals("binding_unavailable", response.json().get("error"));
    assertEquals(
        "Redis redis://127.0.0.1:1 (namespace KV) did not answer", response.json().get("message"));
    assertEquals(200, get(alice, "http://my.kv/k").status());
  }

  @Test
  void handlerThatThrowsIs500WithAnIdThatTheLogAlsoHas() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger(Dispatcher.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try {
      RawResponse response = get(alice, "http://boom.test/");
      assertEquals(500, response.status());
      assertEquals("handler_failed", response.json().get("error"));
      String id = (String) response.json().get("id");
      assertEquals(16, id.length());
      assertFalse(response.body().contains("secret internal detail"), response.body());
      assertFalse(response.body().contains("IllegalStateException"), response.body());

      LogRecord line =
          logged.stream().filter(r -> r.getMessage().contains(id)).findFirst().orElseThrow();
      StringWriter trace = new StringWriter();
      line.getThrown().printStackTrace(new PrintWriter(trace));
      assertTrue(trace.toString().contains("secret internal detail"));
      assertTrue(trace.toString().contains("TestApp.boom"), "the log has the stack trace");

      // the record is written once the answer is out, so it may trail the response a little
      Optional<EgressRecord> found = Optional.empty();
      for (int wait = 0; wait < 50 && found.isEmpty(); wait++) {
        found =
            server.admin().egress(alice.instance().id(), 1000).stream()
                .filter(r -> id.equals(r.errorId()))
                .findFirst();
        Thread.sleep(found.isEmpty() ? 50 : 0);
      }
      EgressRecord record = found.orElseThrow();
      assertEquals(500, record.status());
      assertEquals("handler:boom", record.rule());
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void slowHandlerIs504AndNeverStallsAnotherContainer() throws Exception {
    TestApp.slowRelease = new CountDownLatch(1);
    try {
      CompletableFuture<RawResponse> slow =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return get(alice, "http://slow.test/");
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      Thread.sleep(300);
      for (int i = 0; i < 5; i++) {
        long started = System.nanoTime();
        RawResponse quick = get(bob, "http://my.kv/k");
        assertEquals(200, quick.status());
        assertTrue(System.nanoTime() - started < 1_500_000_000L, "bob waited for alice's handler");
      }
      assertFalse(slow.isDone(), "the slow handler is still running");
      RawResponse timedOut = slow.get();
      assertEquals(504, timedOut.status());
      assertEquals("handler_timeout", timedOut.json().get("error"));
    } finally {
      TestApp.slowRelease.countDown();
    }
  }

  @Test
  void halfSentRequestNeverStallsAnotherContainer() throws Exception {
    try (RawHttp stuck = RawHttp.connect(server.proxyPort())) {
      stuck.send("GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\n" + auth(alice) + "X-Half: ");
      long started = System.nanoTime();
      assertEquals(200, get(bob, "http://my.kv/k").status());
      assertTrue(
          System.nanoTime() - started < 1_500_000_000L, "bob waited for alice's half request");
    }
  }

  @Test
  void unreachableDestinationIs502() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CreatedContainer container = server.admin().create("test-app", null);
    server.admin().setAllowedHosts(container.instance().id(), List.of("localhost", "127.0.0.0/8"));

    RawResponse passthrough = get(container, "http://localhost:" + closedPort + "/");
    assertEquals(502, passthrough.status(), passthrough.body());
    assertEquals("destination_unreachable", passthrough.json().get("error"));

    RawResponse viaFetch = get(container, "http://127.0.0.1:" + closedPort + "/");
    assertEquals(502, viaFetch.status(), viaFetch.body());
  }

  @Test
  void contentLengthOverTheLimitIs413BeforeTheHandlerAndCloses() throws Exception {
    try (RawHttp http = RawHttp.connect(server.proxyPort())) {
      RawResponse response =
          http.exchange(
              "POST http://echo.test/ HTTP/1.1\r\nHost: echo.test\r\n"
                  + auth(alice)
                  + "Content-Length: "
                  + (64 * 1024 + 1)
                  + "\r\n\r\n");
      assertEquals(413, response.status());
      assertEquals("body_too_large", response.json().get("error"));
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void chunkedBodyOverTheLimitIs413AndCloses() throws Exception {
    String chunk = "x".repeat(16 * 1024);
    StringBuilder request =
        new StringBuilder(
            "POST http://echo.test/ HTTP/1.1\r\nHost: echo.test\r\n"
                + auth(alice)
                + "Transfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 5; i++) {
      request
          .append(Integer.toHexString(chunk.length()))
          .append("\r\n")
          .append(chunk)
          .append("\r\n");
    }
    request.append("0\r\n\r\n");
    try (RawHttp http = RawHttp.connect(server.proxyPort())) {
      RawResponse response = http.exchange(request.toString());
      assertEquals(413, response.status(), response.body());
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void bodyUnderTheLimitIsRead() throws Exception {
    RawResponse response =
        RawHttp.once(
            server.proxyPort(),
            "POST http://echo.test/ HTTP/1.1\r\nHost: echo.test\r\n"
                + auth(alice)
                + "Content-Length: 5\r\n\r\nhello");
    assertEquals("read 5 bytes", response.body());
  }

  @Test
  void handlerReadOverItsOwnLimitIs413() throws Exception {
    RawResponse response =
        RawHttp.once(
            server.proxyPort(),
            "POST http://small.test/ HTTP/1.1\r\nHost: small.test\r\n"
                + auth(alice)
                + "Content-Length: 20\r\n\r\n"
                + "y".repeat(20));
    assertEquals(413, response.status(), response.body());
  }

  @Test
  void headersOverTheLimitAre431AndClose() throws Exception {
    try (RawHttp http = RawHttp.connect(server.proxyPort())) {
      RawResponse response =
          http.exchange(
              "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\n"
                  + auth(alice)
                  + "X-Big: "
                  + "b".repeat(9 * 1024)
                  + "\r\n\r\n");
      assertEquals(431, response.status(), response.body());
      assertEquals("headers_too_large", response.json().get("error"));
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void conflictingContentLengthAndTransferEncodingAre400AndClose() throws Exception {
    try (RawHttp http = RawHttp.connect(server.proxyPort())) {
      RawResponse response =
          http.exchange(
              "POST http://echo.test/ HTTP/1.1\r\nHost: echo.test\r\n"
                  + auth(alice)
                  + "Content-Length: 5\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n"
                  + "5\r\n"
                  + "hello\r\n"
                  + "0\r\n\r\n");
      assertEquals(400, response.status());
      assertEquals("bad_request", response.json().get("error"));
      assertTrue(http.closedByServer());
    }
  }

  @Test
  void malformedRequestsAre400AndClose() throws Exception {
    for (String request :
        new String[] {
          "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\nno colon here\r\n\r\n",
          "GET http://my.kv/k\r\nHost: my.kv\r\n\r\n",
          "POST http://echo.test/ HTTP/1.1\r\nHost: echo.test\r\n"
              + auth(alice)
              + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
          "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\nContent-Length: abc\r\n\r\n",
          // Helidon leaves these to the proxy's own checks of headers and paths
          "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\n" + auth(alice) + "X(Y): 1\r\n\r\n",
          "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\n" + auth(alice) + "X-Y: a\u0001b\r\n\r\n",
          "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\nProxy-Authorization: Basic\u0001x\r\n\r\n",
          "GET http://my.kv/a<b HTTP/1.1\r\nHost: my.kv\r\n" + auth(alice) + "\r\n",
          "GET http://my.kv/a%zz HTTP/1.1\r\nHost: my.kv\r\n" + auth(alice) + "\r\n"
        }) {
      try (RawHttp http = RawHttp.connect(server.proxyPort())) {
        RawResponse response = http.exchange(request);
        assertEquals(400, response.status(), request + " -> " + response.body());
        assertNotNull(response.header("X-Outbound-Error"), request);
        assertTrue(http.closedByServer(), request);
      }
    }
  }

  @Test
  void garbageGetsA400AndTheServerKeepsServing() throws Exception {
    assertEquals(400, RawHttp.once(server.proxyPort(), "\u0000\u0001garbage\r\n\r\n").status());
    assertEquals(
        505, RawHttp.once(server.proxyPort(), "GET http://my.kv/k HTTP/1.0\r\n\r\n").status());
    assertEquals(200, get(alice, "http://my.kv/k").status());
  }
}
