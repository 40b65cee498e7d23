package dev.outbound.runtime.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.Headers;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forwarder against an origin scripted byte by byte on 127.0.0.1. */
class HttpForwarderWireTest {

  private static final String HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
  private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

  private ScriptedOrigin origin;
  private HttpForwarder forwarder = new HttpForwarder(ForwarderSettings.defaults());

  @AfterEach
  void stop() throws IOException {
    forwarder.close();
    if (origin != null) {
      origin.close();
    }
  }

  @Test
  void stripsHopByHopHeadersAndProxyCredentialsFromTheRequest() throws IOException {
    origin = new ScriptedOrigin(answering(HELLO));
    OutboundRequest request =
        get("/")
            .headers(
                Headers.of(
                    "Proxy-Authorization", "Basic aWQ6dG9rZW4=",
                    "Connection", "X-Hop, keep-alive",
                    "X-Hop", "secret",
                    "Keep-Alive", "timeout=5",
                    "Proxy-Connection", "keep-alive",
                    "TE", "trailers",
                    "Trailer", "X-Checksum",
                    "Upgrade", "h2c",
                    "Host", "evil.example",
                    "Content-Length", "999",
                    "X-End-To-End", "kept"))
            .build();

    forward(request).text();

    ScriptedOrigin.Request seen = origin.requests().get(0);
    for (String name :
        List.of(
            "Proxy-Authorization",
            "Connection",
            "X-Hop",
            "Keep-Alive",
            "Proxy-Connection",
            "TE",
            "Trailer",
            "Upgrade",
            "Content-Length",
            "Transfer-Encoding")) {
      assertFalse(seen.hasHeader(name), name + " reached the origin: " + seen.head());
    }
    assertTrue(
        seen.head().startsWith("GET / HTTP/1.1\r\nHost: origin.test:" + origin.port() + "\r\n"),
        seen.head());
    assertFalse(seen.head().contains("evil.example"), seen.head());
    assertTrue(seen.head().contains("\r\nX-End-To-End: kept\r\n"), seen.head());
  }

  @Test
  void dialsTheVettedAddressAndLeavesTheDefaultPortOutOfHost() throws IOException {
    origin = new ScriptedOrigin(answering(HELLO));
    // The authority says port 80; only the vetted address leads to the origin.
    OutboundRequest request = OutboundRequest.builder("GET", "http://origin.test/path").build();
    Destination destination =
        new Destination(
            request.authority(),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), origin.port()));

    assertEquals("hello", forwarder.forward(request, destination).text());
    assertTrue(
        origin.requests().get(0).head().startsWith("GET /path HTTP/1.1\r\nHost: origin.test\r\n"),
        origin.requests().get(0).head());
  }

  @Test
  void stripsHopByHopHeadersFromTheResponse() throws IOException {
    origin =
        new ScriptedOrigin(
            answering(
                "HTTP/1.1 200 OK\r\n"
                    + "Connection: X-Origin-Hop\r\n"
                    + "X-Origin-Hop: 1\r\n"
                    + "Keep-Alive: timeout=5\r\n"
                    + "Proxy-Authenticate: Basic realm=origin\r\n"
                    + "Proxy-Connection: keep-alive\r\n"
                    + "Trailer: X-Checksum\r\n"
                    + "Upgrade: h2c\r\n"
                    + "X-End-To-End: kept\r\n"
                    + "Content-Length: 2\r\n\r\nok"));

    OutboundResponse response = forward(get("/").build());

    assertEquals(Headers.of("X-End-To-End", "kept"), response.headers());
    assertEquals(2, response.contentLength());
    assertEquals("ok", response.text());
  }

  @Test
  void readsABodyThatEndsWhenTheOriginCloses() throws IOException {
    origin =
        new ScriptedOrigin(
            (self, connection, in, out) -> {
              self.readRequest(in);
              ScriptedOrigin.write(out, "HTTP/1.1 200 OK\r\n\r\nuntil the end");
            });

    OutboundResponse response = forward(get("/").build());

    assertEquals(-1, response.contentLength());
    assertEquals("until the end", response.text());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"HEAD 200", "GET 204", "GET 304"})
  void readsNoBodyAfterHeadNoContentAndNotModified(String methodAndStatus) throws IOException {
    String method = methodAndStatus.substring(0, methodAndStatus.indexOf(' '));
    String status = methodAndStatus.substring(methodAndStatus.indexOf(' ') + 1);
    // The length describes the resource, not this response: reading 1000 bytes would swallow the
    // next answer.
    origin =
        new ScriptedOrigin(
            answering("HTTP/1.1 " + status + " X\r\nContent-Length: 1000\r\n\r\n", HELLO));

    OutboundResponse empty = forward(OutboundRequest.builder(method, url("/")).build());
    OutboundResponse next = forward(get("/").build());

    assertEquals(Integer.parseInt(status), empty.status());
    assertEquals(0, empty.contentLength());
    assertEquals(-1, empty.body().read());
    assertEquals(status.equals("204") ? null : "1000", empty.header("Content-Length"));
    assertEquals("hello", next.text());
    assertEquals(1, origin.accepted());
  }

  @Test
  void reusesAConnectionWhoseBodyWasReadToTheEnd() throws IOException {
    origin =
        new ScriptedOrigin(
            answering(
                HELLO,
                HELLO,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "5\r\nhello\r\n0\r\n\r\n",
                HELLO));

    for (int i = 0; i < 4; i++) {
      assertEquals("hello", forward(get("/").build()).text());
    }

    assertEquals(1, origin.accepted());
    assertEquals(4, origin.requests().size());
  }

  @Test
  void keepsNoMoreIdleConnectionsPerRouteThanConfigured() throws IOException {
    forwarder =
        new HttpForwarder(
            ForwarderSettings.defaults().withIdleConnections(1, 64, Duration.ofSeconds(30)));
    origin = new ScriptedOrigin(answering(HELLO, HELLO));

    OutboundResponse first = forward(get("/").build());
    OutboundResponse second = forward(get("/").build()); // the first connection is still busy
    first.text();
    second.text(); // both done, one kept
    OutboundResponse third = forward(get("/").build());
    OutboundResponse fourth = forward(get("/").build());
    third.text();
    fourth.text();

    assertEquals(3, origin.accepted());
  }

  @Test
  void keepsNoMoreIdleConnectionsInAllThanConfigured() throws IOException {
    forwarder =
        new HttpForwarder(
            ForwarderSettings.defaults().withIdleConnections(4, 1, Duration.ofSeconds(30)));
    origin = new ScriptedOrigin(answering(HELLO, HELLO));
    try (ScriptedOrigin other = new ScriptedOrigin(answering(HELLO, HELLO))) {
      String otherUrl = "http://origin.test:" + other.port() + "/";

      forward(get("/").build()).text();
      forward(OutboundRequest.builder("GET", otherUrl).build()).text(); // pushes the first one out
      forward(get("/").build()).text();
      forward(OutboundRequest.builder("GET", otherUrl).build()).text();

      assertEquals(2, origin.accepted());
      assertEquals(2, other.accepted());
    }
  }

  @Test
  void doesNotReuseAConnectionWhoseBodyWasClosedEarly() throws IOException {
    // The origin sends half a body; should the connection be reused anyway, the other half
    // arrives in place of the next answer.
    origin =
        new ScriptedOrigin(
            thenHello(
                (self, connection, in, out) -> {
                  self.readRequest(in);
                  ScriptedOrigin.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello");
                  if (self.readRequest(in) != null) {
                    ScriptedOrigin.write(out, "world" + HELLO);
                  }
                }));

    OutboundResponse partial = forward(get("/").build());
    assertEquals("hello", new String(partial.body().readNBytes(5), StandardCharsets.US_ASCII));
    partial.body().close();

    assertEquals("hello", forward(get("/").build()).text());
    assertEquals(2, origin.accepted());
  }

  @Test
  void doesNotReuseAConnectionTheOriginWillClose() throws IOException {
    origin =
        new ScriptedOrigin(
            answering(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello", HELLO));

    assertEquals("hello", forward(get("/").build()).text());
    assertEquals("hello", forward(get("/").build()).text());

    assertEquals(2, origin.accepted());
  }

  @Test
  void doesNotReuseAConnectionPastItsIdleTimeout() throws Exception {
    forwarder =
        new HttpForwarder(
            ForwarderSettings.defaults().withIdleConnections(4, 64, Duration.ofMillis(50)));
    origin = new ScriptedOrigin(answering(HELLO, HELLO));

    forward(get("/").build()).text();
    Thread.sleep(100);
    forward(get("/").build()).text();

    assertEquals(2, origin.accepted());
  }

  @Test
  void noticesThatTheOriginClosedAnIdleConnection() throws Exception {
    // The first connection answers once and closes; a POST cannot be sent twice, so it only
    // succeeds if the closed connection is noticed before it is used.
    CountDownLatch firstClosed = new CountDownLatch(1);
    origin =
        new ScriptedOrigin(
            (self, connection, in, out) -> {
              self.readRequest(in);
              ScriptedOrigin.write(out, HELLO);
              out.close();
              firstClosed.countDown();
            });

    forward(get("/").build()).text();
    assertTrue(firstClosed.await(10, TimeUnit.SECONDS));
    Thread.sleep(50); // for the FIN to cross the loopback interface
    OutboundResponse posted =
        forward(OutboundRequest.builder("POST", url("/")).body("data").build());

    assertEquals("hello", posted.text());
    assertEquals(2, origin.accepted());
  }

  @Test
  void sendsAnIdempotentRequestAgainWhenAReusedConnectionDropsIt() throws IOException {
    CountDownLatch reuseAttempted = new CountDownLatch(1);
    origin =
        new ScriptedOrigin(
            (self, connection, in, out) -> {
              self.readRequest(in);
              ScriptedOrigin.write(out, HELLO);
              if (connection == 1 && self.readRequest(in) != null) {
                reuseAttempted.countDown(); // and close without answering
              }
            });

    forward(get("/").build()).text();
    OutboundResponse retried = forward(get("/again").build());

    assertEquals("hello", retried.text());
    assertEquals(0, reuseAttempted.getCount());
    assertEquals(2, origin.accepted());
  }

  @Test
  void doesNotSendARequestWithABodyTwice() throws IOException {
    origin =
        new ScriptedOrigin(
            (self, connection, in, out) -> {
              self.readRequest(in);
              ScriptedOrigin.write(out, HELLO);
              self.readRequest(in); // then close without answering
            });

    forward(get("/").build()).text();
    OutboundRequest post = OutboundRequest.builder("POST", url("/")).body("data").build();

    DestinationUnreachableException unreachable =
        assertThrows(DestinationUnreachableException.class, () -> forward(post));
    assertTrue(
        unreachable.getMessage().contains("closed the connection before answering"),
        unreachable.getMessage());
    assertEquals(1, origin.accepted());
  }

  @Test
  void skipsInterimResponses() throws IOException {
    origin =
        new ScriptedOrigin(
            answering(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\n"
                    + "Link: </style.css>\r\n\r\n"
                    + HELLO));

    OutboundResponse response = forward(get("/").build());

    assertEquals(200, response.status());
    assertEquals("hello", response.text());
  }

  @Test
  void reportsAnOriginThatDoesNotAnswerInTimeAsUnreachable() throws IOException {
    forwarder = new HttpForwarder(ForwarderSettings.defaults().withReadTimeout(READ_TIMEOUT));
    CountDownLatch testOver = new CountDownLatch(1);
    origin =
        new ScriptedOrigin(
            (self, connection, in, out) -> {
              self.readRequest(in);
              awaitQuietly(testOver);
            });

    try {
      DestinationUnreachableException unreachable =
          assertThrowsSoon(DestinationUnreachableException.class, () -> forward(get("/").build()));
      assertTrue(
          unreachable.getMessage().endsWith(" did not answer within 500 ms"),
          unreachable.getMessage());
    } finally {
      testOver.countDown();
    }
  }

  @Test
  void failsABodyReadWhenTheOriginFallsSilentMidway() throws IOException {
    forwarder = new HttpForwarder(ForwarderSettings.defaults().withReadTimeout(READ_TIMEOUT));
    CountDownLatch testOver = new CountDownLatch(1);
    origin =
        new ScriptedOrigin(
            thenHello(
                (self, connection, in, out) -> {
                  self.readRequest(in);
                  ScriptedOrigin.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhel");
                  awaitQuietly(testOver);
                }));

    try {
      OutboundResponse response = forward(get("/").build());
      InputStream body = response.body();
      assertEquals("hel", new String(body.readNBytes(3), StandardCharsets.ISO_8859_1));

      SocketTimeoutException silence = assertThrowsSoon(SocketTimeoutException.class, body::read);
      assertTrue(silence.getMessage().contains("read timeout"), silence.getMessage());
      // The silent connection was closed, not kept: the next request opens another.
      assertEquals("hello", forward(get("/").build()).text());
      assertEquals(2, origin.accepted());
    } finally {
      testOver.countDown();
    }
  }

  @Test
  void letsAnOriginTakeLongerThanTheReadTimeoutInAllWhileItKeepsSending() throws IOException {
    forwarder = new HttpForwarder(ForwarderSettings.defaults().withReadTimeout(READ_TIMEOUT));
    origin =
        new ScriptedOrigin(
            (self, connection, in, out) -> {
              self.readRequest(in);
              ScriptedOrigin.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n");
              for (char c : "trickled".toCharArray()) {
                sleepQuietly(Duration.ofMillis(100));
                ScriptedOrigin.write(out, String.valueOf(c));
              }
            });

    // 800 ms in all, never more than 100 ms without a byte (a fifth of the timeout)
    assertEquals("trickled", forward(get("/").build()).text());
  }

  @Test
  void reportsAnOriginThatClosesWithoutAnsweringAsUnreachable() throws IOException {
    origin = new ScriptedOrigin((self, connection, in, out) -> self.readRequest(in));

    assertThrows(DestinationUnreachableException.class, () -> forward(get("/").build()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "HTTP/1.1 abc OK\r\n\r\n",
        "HTTP/2 200 OK\r\n\r\n",
        "ICY 200 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX-Folded: a\r\n b\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Name: a\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX(Y): a\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX-Bare-CR: a\rb\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX-Bare-CR: ab\r\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Content-Length: 5\r\n\r\n"
            + "5\r\n"
            + "hello\r\n"
            + "0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nhello",
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n",
      })
  void refusesMalformedResponses(String response) throws IOException {
    origin = new ScriptedOrigin(answering(response));

    assertThrows(InvalidResponseException.class, () -> forward(get("/").build()));
  }

  @Test
  void refusesAResponseHeadOverTheLimit() throws IOException {
    forwarder = new HttpForwarder(ForwarderSettings.defaults().withMaxResponseHeadBytes(4096));
    origin =
        new ScriptedOrigin(answering("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(5000) + "\r\n\r\n"));

    InvalidResponseException invalid =
        assertThrows(InvalidResponseException.class, () -> forward(get("/").build()));

    assertEquals("the response head exceeds 4096 bytes", invalid.getMessage());
  }

  @ParameterizedTest(name = "head of {0} bytes")
  @ValueSource(ints = {1024, 1025})
  void countsEveryByteOfTheHeadAgainstTheLimitTerminatorsIncluded(int headBytes)
      throws IOException {
    forwarder = new HttpForwarder(ForwarderSettings.defaults().withMaxResponseHeadBytes(1024));
    String start = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Fill: ";
    String head = start + "a".repeat(headBytes - start.length() - 4) + "\r\n\r\n";
    origin = new ScriptedOrigin(answering(head));

    if (headBytes <= 1024) {
      assertEquals(200, forward(get("/").build()).status());
    } else {
      InvalidResponseException invalid =
          assertThrows(InvalidResponseException.class, () -> forward(get("/").build()));
      assertEquals("the response head exceeds 1024 bytes", invalid.getMessage());
    }
  }

  @Test
  void writesARequestHeadLargerThanTheConnectionsBuffer() throws IOException {
    origin = new ScriptedOrigin(answering(HELLO));
    String large = "b".repeat(40_000);

    forward(
            get("/")
                .headers(Headers.of("X-Large", large, "X-Beyond-Latin-1", "caf\u00e9 \u2713"))
                .build())
        .text();

    String head = origin.requests().get(0).head();
    assertTrue(head.contains("\r\nX-Large: " + large + "\r\n"), "X-Large arrived cut");
    // ISO-8859-1 on the wire: é is one byte, and a character beyond it becomes ?
    assertTrue(head.contains("\r\nX-Beyond-Latin-1: caf\u00e9 ?\r\n"), head);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"5\r\nhel", "5\r\nhelloX\r\n0\r\n\r\n", "zz\r\nhello\r\n0\r\n\r\n"})
  void failsTheBodyOfABrokenChunkedResponse(String chunks) throws IOException {
    origin =
        new ScriptedOrigin(
            answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks));

    OutboundResponse response = forward(get("/").build());

    assertThrows(IOException.class, () -> response.body().readAllBytes());
  }

  @Test
  void failsABodyCutShortOfItsLength() throws IOException {
    origin = new ScriptedOrigin(answering("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello"));

    OutboundResponse response = forward(get("/").build());

    assertThrows(EOFException.class, () -> response.body().readAllBytes());
  }

  @Test
  void readsAResponseWhoseLinesArriveInPieces() throws IOException {
    origin =
        new ScriptedOrigin(
            (self, connection, in, out) -> {
              self.readRequest(in);
              for (String piece :
                  List.of(
                      "HTTP/1.1 200 OK\r\nContent-Le",
                      "ngth: 5\r",
                      "\nX-Bare: lf\n\r\nhel",
                      "lo")) {
                ScriptedOrigin.write(out, piece);
                pause();
              }
            });

    OutboundResponse response = forward(get("/").build());

    assertEquals("hello", response.text());
    assertEquals("lf", response.headers().first("X-Bare"));
  }

  @Test
  void refusesACarriageReturnInsideALineThatArrivesInPieces() throws IOException {
    origin =
        new ScriptedOrigin(
            (self, connection, in, out) -> {
              self.readRequest(in);
              ScriptedOrigin.write(out, "HTTP/1.1 200 OK\r\nX-Split: a\r");
              pause();
              ScriptedOrigin.write(out, "b\r\nContent-Length: 0\r\n\r\n");
            });

    assertThrows(InvalidResponseException.class, () -> forward(get("/").build()));
  }

  @Test
  void dropsChunkedTrailers() throws IOException {
    origin =
        new ScriptedOrigin(
            answering(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3;ext=1\r\nhel\r\n2\r\nlo\r\n0\r\nX-Checksum: abc\r\n\r\n",
                HELLO));

    OutboundResponse response = forward(get("/").build());

    assertEquals("hello", response.text());
    assertEquals("hello", forward(get("/").build()).text());
    assertEquals(1, origin.accepted());
  }

  /**
   * Reads a request and writes the next canned response, for each response in turn, on one
   * connection.
   */
  private static ScriptedOrigin.Script answering(String... responses) {
    return (self, connection, in, out) -> {
      for (String response : responses) {
        if (self.readRequest(in) == null) {
          return;
        }
        ScriptedOrigin.write(out, response);
      }
    };
  }

  private OutboundResponse forward(OutboundRequest request) throws IOException {
    return forwarder.forward(request, Origins.vet(request));
  }

  private OutboundRequest.Builder get(String path) {
    return OutboundRequest.builder("GET", url(path));
  }

  private String url(String path) {
    return "http://origin.test:" + origin.port() + path;
  }

  /** Long enough for the pieces before it to arrive on their own. */
  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Plays {@code first} on the first connection, and answers HELLO on every later one. */
  private static ScriptedOrigin.Script thenHello(ScriptedOrigin.Script first) {
    return (self, connection, in, out) -> {
      if (connection == 1) {
        first.play(self, connection, in, out);
      } else {
        self.readRequest(in);
        ScriptedOrigin.write(out, HELLO);
      }
    };
  }

  /** Fails unless the call throws, and soon: a read timeout that never fires would hang it. */
  private static <T extends Throwable> T assertThrowsSoon(Class<T> type, Executable call) {
    return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(type, call));
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
