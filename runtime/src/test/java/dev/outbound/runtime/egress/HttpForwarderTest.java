package dev.outbound.runtime.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.runtime.testing.GeneratedBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The forwarder against a real HTTP server on 127.0.0.1, reached as {@code origin.test}, a name the
 * test resolver maps to 127.0.0.1 and the allow list names by address.
 */
class HttpForwarderTest {

  private static final long LARGE = 64L * 1024 * 1024;

  private HttpServer origin;
  private HttpForwarder forwarder;
  private final Map<String, String> seen = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    origin.setExecutor(command -> Thread.ofVirtual().start(command));
    origin.start();
    forwarder = new HttpForwarder(ForwarderSettings.defaults());
  }

  @AfterEach
  void stop() {
    forwarder.close();
    origin.stop(0);
  }

  @Test
  void getsAFixedLengthResponseFromTheVettedAddress() throws IOException {
    origin.createContext(
        "/hello",
        exchange -> {
          seen.put("host", exchange.getRequestHeaders().getFirst("Host"));
          seen.put("query", exchange.getRequestURI().getRawQuery());
          respond(exchange, 200, "hello");
        });

    OutboundResponse response =
        forward(OutboundRequest.builder("GET", url("/hello?a=1&b=%20")).build());

    assertEquals(200, response.status());
    assertEquals(5, response.contentLength());
    assertEquals("hello", response.text());
    assertEquals("origin.test:" + port(), seen.get("host"));
    assertEquals("a=1&b=%20", seen.get("query"));
  }

  @Test
  void postsAFixedLengthBody() throws IOException {
    origin.createContext("/echo", HttpForwarderTest::echo);

    OutboundResponse response =
        forward(OutboundRequest.builder("POST", url("/echo")).body("some data").build());

    assertEquals("some data", response.text());
    assertEquals("9", response.header("X-Seen-Content-Length"));
    assertNull(response.header("X-Seen-Transfer-Encoding"));
  }

  @Test
  void postsABodyOfUnknownLengthChunked() throws IOException {
    origin.createContext("/echo", HttpForwarderTest::echo);
    InputStream body =
        new java.io.ByteArrayInputStream("streamed data".getBytes(StandardCharsets.UTF_8));

    OutboundResponse response =
        forward(OutboundRequest.builder("POST", url("/echo")).body(body, -1).build());

    assertEquals("streamed data", response.text());
    assertEquals("chunked", response.header("X-Seen-Transfer-Encoding"));
    assertNull(response.header("X-Seen-Content-Length"));
  }

  @Test
  void announcesAnEmptyPostBody() throws IOException {
    origin.createContext("/echo", HttpForwarderTest::echo);

    OutboundResponse response = forward(OutboundRequest.builder("POST", url("/echo")).build());

    assertEquals("0", response.header("X-Seen-Content-Length"));
    assertEquals("", response.text());
  }

  @Test
  void readsAChunkedResponse() throws IOException {
    origin.createContext(
        "/chunked",
        exchange -> {
          exchange.sendResponseHeaders(200, 0); // 0: chunked
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 3; i++) {
              out.write(("part " + i + ";").getBytes(StandardCharsets.UTF_8));
              out.flush();
            }
          }
        });

    OutboundResponse response = forward(OutboundRequest.builder("GET", url("/chunked")).build());

    assertEquals(-1, response.contentLength());
    assertNull(response.header("Transfer-Encoding"));
    assertEquals("part 0;part 1;part 2;", response.text());
  }

  @Test
  void uploadsALargeBodyAsItIsRead() throws Exception {
    CountDownLatch firstMegabyteArrived = new CountDownLatch(1);
    origin.createContext(
        "/digest",
        exchange -> {
          InputStream in = exchange.getRequestBody();
          byte[] first = in.readNBytes(1024 * 1024);
          firstMegabyteArrived.countDown();
          String digest =
              GeneratedBody.sha256(
                  new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first), in));
          respond(exchange, 200, digest);
        });
    // The body pauses after its first megabyte until the origin has it: a forwarder that read
    // the whole body before sending would never get past the pause.
    InputStream pausing =
        new PausingStream(new GeneratedBody(LARGE), 1024 * 1024, firstMegabyteArrived);
    String expected = GeneratedBody.sha256Of(LARGE);

    OutboundResponse fixed =
        forward(OutboundRequest.builder("PUT", url("/digest")).body(pausing, LARGE).build());
    OutboundResponse chunked =
        forward(
            OutboundRequest.builder("PUT", url("/digest"))
                .body(new GeneratedBody(LARGE), -1)
                .build());

    assertEquals(expected, fixed.text());
    assertEquals(expected, chunked.text());
  }

  @Test
  void downloadsALargeBodyAsItArrives() throws Exception {
    CountDownLatch clientHasFirstMegabyte = new CountDownLatch(1);
    origin.createContext(
        "/large",
        exchange -> {
          exchange.sendResponseHeaders(200, LARGE);
          try (OutputStream out = exchange.getResponseBody()) {
            InputStream generated = new GeneratedBody(LARGE);
            out.write(generated.readNBytes(1024 * 1024));
            out.flush();
            await(clientHasFirstMegabyte); // the rest is written only once the client has read the
            // start
            generated.transferTo(out);
          }
        });

    OutboundResponse response = forward(OutboundRequest.builder("GET", url("/large")).build());
    InputStream body = response.body();
    byte[] first = body.readNBytes(1024 * 1024);
    clientHasFirstMegabyte.countDown();

    assertEquals(LARGE, response.contentLength());
    assertEquals(
        GeneratedBody.sha256Of(LARGE),
        GeneratedBody.sha256(
            new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first), body)));
  }

  @Test
  void returnsRedirectsWithoutFollowingThem() throws IOException {
    AtomicInteger targetHits = new AtomicInteger();
    origin.createContext(
        "/old",
        exchange -> {
          exchange.getResponseHeaders().add("Location", url("/new"));
          respond(exchange, 302, "moved");
        });
    origin.createContext(
        "/new",
        exchange -> {
          targetHits.incrementAndGet();
          respond(exchange, 200, "new");
        });

    OutboundResponse response = forward(OutboundRequest.builder("GET", url("/old")).build());

    assertEquals(302, response.status());
    assertEquals(url("/new"), response.header("Location"));
    assertEquals("moved", response.text());
    assertEquals(0, targetHits.get());
  }

  @Test
  void returnsNoContentWithoutABody() throws IOException {
    origin.createContext(
        "/empty",
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });

    OutboundResponse response = forward(OutboundRequest.builder("DELETE", url("/empty")).build());

    assertEquals(204, response.status());
    assertEquals(0, response.contentLength());
    assertEquals(-1, response.body().read());
  }

  @Test
  void reportsARefusedConnectionAsUnreachable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    OutboundRequest request =
        OutboundRequest.builder("GET", "http://origin.test:" + closedPort + "/").build();

    DestinationUnreachableException unreachable =
        assertThrows(
            DestinationUnreachableException.class,
            () -> forwarder.forward(request, Origins.vet(request)));

    assertTrue(
        unreachable
            .getMessage()
            .startsWith("could not connect to http://origin.test (127.0.0.1:" + closedPort + ")"),
        unreachable.getMessage());
  }

  @Test
  void refusesADestinationVettedForAnotherAuthority() throws IOException {
    OutboundRequest request = OutboundRequest.builder("GET", url("/")).build();
    OutboundRequest other =
        OutboundRequest.builder("GET", "http://origin.test:" + (port() + 1) + "/").build();

    assertThrows(
        IllegalArgumentException.class, () -> forwarder.forward(request, Origins.vet(other)));
  }

  @Test
  void refusesARequestLineThatWouldSmuggleAnotherRequest() throws IOException {
    OutboundRequest request =
        OutboundRequest.builder(
                "GET",
                "http",
                Origins.authority(port()),
                "/a HTTP/1.1\r\nHost: x\r\n\r\nGET /b",
                null)
            .build();

    assertThrows(
        IllegalArgumentException.class, () -> forwarder.forward(request, Origins.vet(request)));
  }

  @Test
  void refusesABodyLongerOrShorterThanItsLength() throws IOException {
    origin.createContext("/echo", HttpForwarderTest::echo);
    OutboundRequest longer =
        OutboundRequest.builder("POST", url("/echo"))
            .body(new java.io.ByteArrayInputStream(new byte[10]), 5)
            .build();
    OutboundRequest shorter =
        OutboundRequest.builder("POST", url("/echo"))
            .body(new java.io.ByteArrayInputStream(new byte[3]), 5)
            .build();

    assertThrows(RequestBodyException.class, () -> forward(longer));
    assertThrows(RequestBodyException.class, () -> forward(shorter));
  }

  @Test
  void closingAnUnreadBodyLetsTheNextRequestThrough() throws IOException {
    origin.createContext(
        "/large",
        exchange -> {
          exchange.sendResponseHeaders(200, LARGE);
          try (OutputStream out = exchange.getResponseBody()) {
            new GeneratedBody(LARGE).transferTo(out);
          } catch (IOException e) {
            // the client stopped reading, as intended
          }
        });
    origin.createContext("/hello", exchange -> respond(exchange, 200, "hello"));

    OutboundResponse large = forward(OutboundRequest.builder("GET", url("/large")).build());
    large.body().read();
    large.body().close();

    assertThrows(IOException.class, () -> large.body().read());
    assertEquals("hello", forward(OutboundRequest.builder("GET", url("/hello")).build()).text());
  }

  private OutboundResponse forward(OutboundRequest request) throws IOException {
    return forwarder.forward(request, Origins.vet(request));
  }

  private String url(String pathAndQuery) {
    return "http://origin.test:" + port() + pathAndQuery;
  }

  private int port() {
    return origin.getAddress().getPort();
  }

  /** Answers with the request body, and the framing headers it arrived with. */
  private static void echo(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    for (String name : List.of("Content-Length", "Transfer-Encoding")) {
      String value = exchange.getRequestHeaders().getFirst(name);
      if (value != null) {
        exchange.getResponseHeaders().add("X-Seen-" + name, value);
      }
    }
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void await(CountDownLatch latch) throws IOException {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IOException("gave up waiting");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Passes bytes through, but stops after {@code pauseAfter} bytes until the latch opens. */
  private static final class PausingStream extends java.io.FilterInputStream {

    private final long pauseAfter;
    private final CountDownLatch resume;
    private long passed;

    PausingStream(InputStream in, long pauseAfter, CountDownLatch resume) {
      super(in);
      this.pauseAfter = pauseAfter;
      this.resume = resume;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      if (passed == pauseAfter) {
        await(resume);
      }
      int allowed = passed < pauseAfter ? (int) Math.min(count, pauseAfter - passed) : count;
      int n = super.read(buffer, offset, allowed);
      if (n > 0) {
        passed += n;
      }
      return n;
    }
  }
}
