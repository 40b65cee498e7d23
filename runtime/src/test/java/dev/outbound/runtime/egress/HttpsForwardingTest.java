package dev.outbound.runtime.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code https} to a TLS origin on 127.0.0.1 whose self-signed certificate names {@code localhost}
 * and 127.0.0.1 and is trusted only through the forwarder's extra certificates.
 */
class HttpsForwardingTest {

  @TempDir static Path keys;

  private static HttpsServer origin;
  private static TestCertificate certificate;
  private static final Map<String, String> seen = new ConcurrentHashMap<>();
  private static final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private static final CountDownLatch silentOriginReleased = new CountDownLatch(1);

  @BeforeAll
  static void start() throws Exception {
    certificate = TestCertificate.generate(keys);
    origin = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    origin.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
    origin.createContext(
        "/",
        exchange -> {
          List<SNIServerName> names =
              ((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession())
                  .getRequestedServerNames();
          seen.put("sni", names.isEmpty() ? "none" : ((SNIHostName) names.get(0)).getAsciiName());
          seen.put("host", exchange.getRequestHeaders().getFirst("Host"));
          clientPorts.add(exchange.getRemoteAddress().getPort());
          byte[] body = "secure".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    origin.createContext(
        "/silent",
        exchange -> {
          exchange.sendResponseHeaders(200, 10);
          OutputStream out = exchange.getResponseBody();
          out.write("hel".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          awaitQuietly(silentOriginReleased);
          exchange.close();
        });
    origin.start();
  }

  @AfterAll
  static void stop() {
    silentOriginReleased.countDown();
    origin.stop(0);
  }

  @Test
  void verifiesTheCertificateForTheNameAndSendsItAsSni() throws Exception {
    try (HttpForwarder forwarder = trusting()) {
      OutboundResponse response = forward(forwarder, "https://localhost:" + port() + "/");

      assertEquals("secure", response.text());
      assertEquals("localhost", seen.get("sni"));
      assertEquals("localhost:" + port(), seen.get("host"));
    }
  }

  @Test
  void verifiesAnIpLiteralAgainstTheCertificatesAddressesWithoutSni() throws Exception {
    try (HttpForwarder forwarder = trusting()) {
      OutboundResponse response = forward(forwarder, "https://127.0.0.1:" + port() + "/");

      assertEquals("secure", response.text());
      assertEquals("none", seen.get("sni"));
    }
  }

  @Test
  void refusesACertificateForAnotherName() throws Exception {
    try (HttpForwarder forwarder = trusting()) {
      // origin.test is vetted to the same 127.0.0.1 origin, whose certificate does not name it.
      DestinationUnreachableException refused =
          assertThrows(
              DestinationUnreachableException.class,
              () -> forward(forwarder, "https://origin.test:" + port() + "/"));

      assertInstanceOf(SSLHandshakeException.class, refused.getCause());
      assertTrue(refused.getMessage().contains("origin.test"), refused.getMessage());
    }
  }

  @Test
  void refusesACertificateItDoesNotTrust() {
    try (HttpForwarder forwarder = new HttpForwarder(ForwarderSettings.defaults())) {
      DestinationUnreachableException refused =
          assertThrows(
              DestinationUnreachableException.class,
              () -> forward(forwarder, "https://localhost:" + port() + "/"));

      assertInstanceOf(SSLHandshakeException.class, refused.getCause());
    }
  }

  @Test
  void keepsTlsConnectionsAliveForTheSameHost() throws Exception {
    try (HttpForwarder forwarder = trusting()) {
      clientPorts.clear();
      for (int i = 0; i < 3; i++) {
        assertEquals("secure", forward(forwarder, "https://localhost:" + port() + "/").text());
      }
      assertEquals(1, clientPorts.size(), "one connection, one client port: " + clientPorts);
    }
  }

  @Test
  void failsABodyReadWhenTheTlsOriginFallsSilentMidway() throws Exception {
    try (HttpForwarder forwarder = trusting(Duration.ofMillis(300))) {
      InputStream body = forward(forwarder, "https://localhost:" + port() + "/silent").body();
      assertEquals("hel", new String(body.readNBytes(3), StandardCharsets.ISO_8859_1));

      // Ended by closing the connection under TLS, which must not wait to send close_notify.
      assertTimeoutPreemptively(
          Duration.ofSeconds(10), () -> assertThrows(SocketTimeoutException.class, body::read));
    }
  }

  @Test
  void givesUpOnATlsHandshakeTheOriginNeverAnswers() throws Exception {
    CountDownLatch testOver = new CountDownLatch(1);
    try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HttpForwarder forwarder = trusting(Duration.ofMillis(300))) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (Socket accepted = mute.accept()) {
                  awaitQuietly(testOver);
                } catch (IOException e) {
                  // the test is over
                }
              });

      DestinationUnreachableException unreachable =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () ->
                  assertThrows(
                      DestinationUnreachableException.class,
                      () -> forward(forwarder, "https://localhost:" + mute.getLocalPort() + "/")));
      assertInstanceOf(SocketTimeoutException.class, unreachable.getCause());
    } finally {
      testOver.countDown();
    }
  }

  private static OutboundResponse forward(HttpForwarder forwarder, String url) throws IOException {
    OutboundRequest request = OutboundRequest.builder("GET", url).build();
    return forwarder.forward(request, Origins.vet(request));
  }

  private static HttpForwarder trusting() throws Exception {
    return new HttpForwarder(
        ForwarderSettings.defaults().withTrustedCertificates(certificate.asTrust()));
  }

  private static HttpForwarder trusting(Duration readTimeout) throws Exception {
    return new HttpForwarder(
        ForwarderSettings.defaults()
            .withTrustedCertificates(certificate.asTrust())
            .withReadTimeout(readTimeout));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int port() {
    return origin.getAddress().getPort();
  }
}
