package dev.outbound.runtime.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.tls.InterceptingTestServer.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real handshakes on 127.0.0.1 with Java, openssl and curl clients that trust only our CA. */
class InterceptingSslContextTest {

  // Generous, so a cold JVM's first handshakes are not cut off; one test uses a short one.
  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SHORT_HANDSHAKE_TIMEOUT = Duration.ofMillis(300);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
  private static final int CLIENT_READ_TIMEOUT_MILLIS = 10_000;

  private static Path workDir;
  private static CertificateAuthority ca;
  private static Path caFile;
  private static LeafCertificates leaves;
  private static InterceptingSslContext context;
  private static SSLContext clientTrustingOnlyOurCa;

  @BeforeAll
  static void createCaAndContexts(@TempDir Path dir) throws Exception {
    workDir = dir;
    ca = CertificateAuthority.loadOrCreate(dir);
    caFile = dir.resolve("ca/ca.crt");
    leaves = new LeafCertificates(ca);
    context = new InterceptingSslContext(leaves, HANDSHAKE_TIMEOUT);
    clientTrustingOnlyOurCa = trustingOnlyOurCa();
  }

  @Test
  void javaClientVerifiesTheSniNameAgainstOurCa() throws Exception {
    try (var server = allowingAll("connect.test")) {
      try (SSLSocket client = connect(server, "my.kv", p -> offerAlpn(p, "h2", "http/1.1"))) {
        assertEquals("served my.kv\n", body(get(client, "my.kv")));
        assertEquals("http/1.1", client.getApplicationProtocol());
      }

      Outcome outcome = server.nextOutcome();
      assertEquals("my.kv", outcome.servedName(), "SNI wins over the CONNECT host");
      assertEquals("TLSv1.3", outcome.protocol());
      assertEquals("http/1.1", outcome.applicationProtocol());
      assertEquals(
          InterceptingTestServer.READ_TIMEOUT_MILLIS,
          outcome.readTimeoutAfterHandshake(),
          "the caller's read timeout is back after the handshake");
      assertTrue(outcome.tcpNoDelay(), "no delayed-ACK stalls between handshake flights");
    }
  }

  @Test
  void tls12ClientIsServedToo() throws Exception {
    try (var server = allowingAll("connect.test")) {
      try (SSLSocket client =
          connect(server, "my.kv", p -> p.setProtocols(new String[] {"TLSv1.2"}))) {
        assertEquals("served my.kv\n", body(get(client, "my.kv")));
        assertEquals("TLSv1.2", client.getSession().getProtocol());
      }
      assertEquals("TLSv1.2", server.nextOutcome().protocol());
    }
  }

  @Test
  void opensslVerifiesTheLeafWithTheCaFile() throws Exception {
    try (var server = allowingAll("connect.test")) {
      ExternalCommand handshake =
          ExternalCommand.run(
              workDir,
              COMMAND_TIMEOUT,
              "openssl",
              "s_client",
              "-connect",
              "127.0.0.1:" + server.port(),
              "-servername",
              "my.kv",
              "-verify_hostname",
              "my.kv",
              "-verify_return_error",
              "-CAfile",
              caFile.toString(),
              "-alpn",
              "h2,http/1.1",
              "-showcerts");

      assertEquals(0, handshake.exitCode(), handshake.output());
      assertTrue(handshake.output().contains("Verify return code: 0 (ok)"), handshake.output());
      assertTrue(handshake.output().contains("Verified peername: my.kv"), handshake.output());
      assertTrue(handshake.output().contains("ALPN protocol: http/1.1"), handshake.output());
      assertEquals("my.kv", server.nextOutcome().servedName());

      Path leaf = Files.writeString(workDir.resolve("leaf.pem"), firstPem(handshake.output()));
      String text = openssl("x509", "-noout", "-text", "-in", leaf.toString());
      for (String expected :
          List.of(
              "Subject: CN = my.kv",
              "DNS:my.kv",
              "CA:FALSE",
              "Digital Signature",
              "TLS Web Server Authentication",
              "X509v3 Authority Key Identifier",
              colonHex(Certificates.subjectKeyIdentifier(ca.certificate())))) {
        assertTrue(text.contains(expected), expected + " missing in\n" + text);
      }
      // The strict checks Python 3.13 turns on by default (key identifiers, critical constraints).
      assertEquals(
          leaf + ": OK\n",
          openssl(
              "verify",
              "-x509_strict",
              "-purpose",
              "sslserver",
              "-CAfile",
              caFile.toString(),
              leaf.toString()));
      assertEquals(0, checkend(leaf, Duration.ofDays(6)), "valid for six more days");
      assertEquals(1, checkend(leaf, Duration.ofDays(8)), "but not for eight");
    }
  }

  @Test
  void curlGetsAnAnswerThroughTheSniLeaf() throws Exception {
    try (var server = allowingAll("connect.test")) {
      ExternalCommand curl =
          curl(
              "--resolve",
              "my.kv:" + server.port() + ":127.0.0.1",
              "https://my.kv:" + server.port() + "/");

      assertEquals(0, curl.exitCode(), curl.output());
      assertEquals("served my.kv\n", curl.output());
    }
  }

  @Test
  void curlToAnIpAddressSendsNoSniAndGetsTheConnectHostsLeaf() throws Exception {
    try (var server = allowingAll("127.0.0.1")) {
      ExternalCommand curl = curl("https://127.0.0.1:" + server.port() + "/");

      assertEquals(0, curl.exitCode(), curl.output());
      assertEquals("served 127.0.0.1\n", curl.output());
    }
  }

  @Test
  void clientWithoutSniGetsTheConnectHostsLeaf() throws Exception {
    try (var server = allowingAll("fallback.test")) {
      try (SSLSocket client = connect(server, "fallback.test", p -> p.setServerNames(List.of()))) {
        assertEquals("served fallback.test\n", body(get(client, "fallback.test")));
      }
      assertEquals("fallback.test", server.nextOutcome().servedName());
    }
  }

  @Test
  void ipv6ConnectHostGetsAnIpv6Leaf() throws Exception {
    try (var server = allowingAll("[::1]")) {
      try (SSLSocket client = connect(server, "::1", p -> {})) {
        assertEquals("served 0:0:0:0:0:0:0:1\n", body(get(client, "[::1]")));
      }
    }
  }

  @Test
  void serverNameDeniedByPolicyFailsTheHandshake() throws Exception {
    try (var server =
        new InterceptingTestServer(context, "connect.test", name -> !name.equals("denied.test"))) {
      try (SSLSocket client = connect(server, "denied.test", p -> sni(p, "Denied.Test"))) {
        SSLHandshakeException refused =
            assertThrows(SSLHandshakeException.class, client::startHandshake);
        assertTrue(refused.getMessage().contains("unrecognized_name"), refused.getMessage());
      }
      Outcome outcome = server.nextOutcome();
      SniDeniedException denied = assertInstanceOf(SniDeniedException.class, outcome.failure());
      assertEquals("denied.test", denied.serverName(), "the policy saw the normalised name");
      assertTrue(outcome.plainSocketClosed());

      try (SSLSocket client = connect(server, "allowed.test", p -> {})) {
        assertEquals("served allowed.test\n", body(get(client, "allowed.test")));
      }
    }
  }

  @Test
  void clientSpeakingPlainHttpFailsCleanly() throws Exception {
    try (var server = allowingAll("connect.test");
        Socket client = new Socket("127.0.0.1", server.port())) {
      client.setSoTimeout(CLIENT_READ_TIMEOUT_MILLIS);
      client.getOutputStream().write("GET / HTTP/1.1\r\nHost: my.kv\r\n\r\n".getBytes(US_ASCII));

      Outcome outcome = server.nextOutcome();
      assertInstanceOf(SSLException.class, outcome.failure());
      assertNull(outcome.servedName());
      assertTrue(outcome.plainSocketClosed());
      assertClosedByServer(client);
    }
  }

  @Test
  void silentClientIsDroppedAfterTheHandshakeTimeout() throws Exception {
    var impatient = new InterceptingSslContext(leaves, SHORT_HANDSHAKE_TIMEOUT);
    try (var server = new InterceptingTestServer(impatient, "connect.test", name -> true);
        Socket client = new Socket("127.0.0.1", server.port())) {
      client.setSoTimeout(CLIENT_READ_TIMEOUT_MILLIS);
      long start = System.nanoTime();

      Outcome outcome = server.nextOutcome();

      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertInstanceOf(SocketTimeoutException.class, outcome.failure());
      assertTrue(outcome.plainSocketClosed());
      // Well under the server's own read timeout, which would drop it after 7 s.
      assertTrue(waited.compareTo(Duration.ofSeconds(3)) < 0, "dropped after " + waited);
      assertClosedByServer(client);
    }
  }

  @Test
  void concurrentClientsEachGetTheLeafForTheirName() throws Exception {
    int clients = 16;
    try (var server = allowingAll("connect.test");
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> bodies = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        String name = "host-" + i + ".test";
        bodies.add(
            threads.submit(
                () -> {
                  try (SSLSocket client = connect(server, name, p -> {})) {
                    return body(get(client, name));
                  }
                }));
      }
      for (int i = 0; i < clients; i++) {
        assertEquals("served host-" + i + ".test\n", bodies.get(i).get());
      }
    }
  }

  private static InterceptingTestServer allowingAll(String connectHost) throws IOException {
    return new InterceptingTestServer(context, connectHost, name -> true);
  }

  /**
   * A client as a container's would be: it resolved {@code host} to 127.0.0.1, sends it as SNI
   * (unless it is an IP address or a tweak says otherwise) and verifies it against the leaf.
   */
  private static SSLSocket connect(
      InterceptingTestServer server, String host, Consumer<SSLParameters> tweak)
      throws IOException {
    Socket plain = new Socket("127.0.0.1", server.port());
    plain.setSoTimeout(CLIENT_READ_TIMEOUT_MILLIS);
    SSLSocket tls =
        (SSLSocket)
            clientTrustingOnlyOurCa
                .getSocketFactory()
                .createSocket(plain, host, server.port(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tweak.accept(parameters);
    tls.setSSLParameters(parameters);
    return tls;
  }

  private static void offerAlpn(SSLParameters parameters, String... protocols) {
    parameters.setApplicationProtocols(protocols);
  }

  private static void sni(SSLParameters parameters, String name) {
    parameters.setServerNames(List.of(new SNIHostName(name)));
  }

  private static String get(SSLSocket client, String host) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(US_ASCII));
    out.flush();
    return new String(client.getInputStream().readAllBytes(), US_ASCII);
  }

  private static String body(String response) {
    assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  /** The server closed its side: the client reads to end of stream (or a reset) in time. */
  private static void assertClosedByServer(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    byte[] buffer = new byte[1024];
    try {
      for (int reads = 0; reads < 100; reads++) {
        if (in.read(buffer) < 0) {
          return;
        }
      }
      throw new AssertionError("the server kept sending instead of closing");
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server left the connection open", e);
    } catch (SocketException reset) {
      // A reset is a close too.
    }
  }

  private static ExternalCommand curl(String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("curl", "--silent", "--show-error", "--max-time", "10", "--cacert"));
    command.add(caFile.toString());
    command.addAll(List.of(arguments));
    return ExternalCommand.run(workDir, COMMAND_TIMEOUT, command.toArray(String[]::new));
  }

  private static String openssl(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    ExternalCommand result =
        ExternalCommand.run(workDir, COMMAND_TIMEOUT, command.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.output());
    return result.output();
  }

  private static int checkend(Path certificate, Duration within) throws Exception {
    return ExternalCommand.run(
            workDir,
            COMMAND_TIMEOUT,
            "openssl",
            "x509",
            "-noout",
            "-checkend",
            Long.toString(within.toSeconds()),
            "-in",
            certificate.toString())
        .exitCode();
  }

  private static String firstPem(String text) {
    Matcher pem =
        Pattern.compile("-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n", Pattern.DOTALL)
            .matcher(text);
    assertTrue(pem.find(), text);
    return pem.group();
  }

  /** Key identifiers as openssl prints them: upper-case hex bytes joined by colons. */
  private static String colonHex(byte[] bytes) {
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
  }

  private static SSLContext trustingOnlyOurCa() throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("outbound-ca", ca.certificate());
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(trusted);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trust.getTrustManagers(), null);
    return client;
  }
}
