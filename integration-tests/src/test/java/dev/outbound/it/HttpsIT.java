package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTPS through the server jar (SPEC §4.7) with real clients: curl, openssl, and Java's HttpClient in a
 * JVM of its own. {@code my-app} intercepts HTTPS; {@code api-gateway} does not, and reaches a local TLS
 * origin (its own self-signed certificate, made by keytool) through a byte tunnel.
 */
class HttpsIT {

  private static final String STORE_PASSWORD = "changeit";

  private static Path dir;
  private static Path originCert;
  private static Path caCert;
  private static HttpsServer origin;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("outbound-https-it");
    Path keyStore = dir.resolve("origin.p12");
    originCert = dir.resolve("origin.crt");
    keytool("-genkeypair", "-alias", "origin", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "origin", "-keystore", keyStore.toString(), "-storepass",
        STORE_PASSWORD, "-file", originCert.toString());
    origin = tlsOrigin(keyStore);
    int port = origin.getAddress().getPort();
    server = ExampleServer.start(dir.resolve("data"), ExampleServer.config(dir, """
          classes:
            api-gateway:
              allowed-hosts: ["127.0.0.1:%d", "status.gateway"]
            my-app:
              allowed-hosts: ["my.kv", "my.r2", "127.0.0.1:%d"]
          tls:
            extra-ca-files: ["%s"]
        """.formatted(port, port, originCert)));
    caCert = dir.resolve("ca.crt");
    Files.writeString(caCert, server.admin("GET", "/v1/ca", null).body());
  }

  @AfterAll
  static void stop() {
    server.close();
    origin.stop(0);
  }

  @Test
  void curlReachesTheKvHandlerOverHttpsAsOverHttp() throws Exception {
    Map<String, Object> app = server.createContainer("my-app", null);
    assertEquals(Files.readString(caCert), app.get("caCertPem"), "the admin API hands out the CA it serves");
    String proxy = (String) app.get("proxyUrl");

    Curl.Reply put = Curl.viaProxy(proxy, "https://my.kv/https-key", "--cacert", caCert.toString(), "-X", "PUT",
        "--data-binary", "stored over https");
    Curl.Reply get = Curl.viaProxy(proxy, "https://my.kv/https-key", "--cacert", caCert.toString());
    Curl.Reply plain = Curl.viaProxy(proxy, "http://my.kv/https-key");

    assertEquals(204, put.status(), put.body());
    assertEquals(200, get.status(), get.body());
    assertEquals("stored over https", get.body());
    assertEquals("stored over https", plain.body());
  }

  @Test
  void aDeniedHostIsRefusedAtConnect() {
    String proxy = (String) server.createContainer("my-app", null).get("proxyUrl");

    ProcessResult curl = run("curl", "-s", "-S", "-v", "--max-time", "30", "-x", proxy, "https://example.com/");

    assertEquals(56, curl.exitCode(), curl.output());
    assertTrue(curl.output().contains("< HTTP/1.1 520"), curl.output());
    assertTrue(curl.output().contains("CONNECT tunnel failed, response 520"), curl.output());
  }

  @Test
  void aHostThatIsNotInterceptedIsTunnelledToTheOriginWithItsOwnCertificate() {
    String proxy = (String) server.createContainer("api-gateway", null).get("proxyUrl");
    String url = "https://127.0.0.1:" + origin.getAddress().getPort() + "/tunnelled";

    Curl.Reply reply = Curl.viaProxy(proxy, url, "--cacert", originCert.toString());
    ProcessResult withOurCa = run("curl", "-s", "-S", "--max-time", "30", "-x", proxy, "--cacert",
        caCert.toString(), url);

    assertEquals(200, reply.status(), reply.body());
    assertEquals("tls origin /tunnelled", reply.body());
    assertEquals(60, withOurCa.exitCode(), "the origin's certificate is not ours: " + withOurCa.output());
  }

  @Test
  void anInterceptedPassthroughReachesTheOriginWithOurCertificate() {
    String proxy = (String) server.createContainer("my-app", null).get("proxyUrl");
    String url = "https://127.0.0.1:" + origin.getAddress().getPort() + "/intercepted";

    Curl.Reply reply = Curl.viaProxy(proxy, url, "--cacert", caCert.toString());
    ProcessResult withOriginCa = run("curl", "-s", "-S", "--max-time", "30", "-x", proxy, "--cacert",
        originCert.toString(), url);

    assertEquals(200, reply.status(), reply.body());
    assertEquals("tls origin /intercepted", reply.body(), "the proxy verified the origin with the extra CA");
    assertEquals(60, withOriginCa.exitCode(), "the container sees our leaf: " + withOriginCa.output());
  }

  @Test
  void opensslVerifiesTheLeafWithOurCaAndItHasSanValidityAndKeyIdentifiers() throws Exception {
    Map<String, Object> app = server.createContainer("my-app", null);

    ProcessResult handshake = sClient(app, "my.kv");

    assertEquals(0, handshake.exitCode(), handshake.output());
    assertTrue(handshake.output().contains("Verify return code: 0 (ok)"), handshake.output());
    Path leaf = dir.resolve("leaf-" + app.get("id") + ".pem");
    Files.writeString(leaf, firstPemBlock(handshake.output()));
    String text = run("openssl", "x509", "-in", leaf.toString(), "-noout", "-text").output();
    assertTrue(text.contains("DNS:my.kv"), text);
    assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
    assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
    X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(Files.newInputStream(leaf));
    long now = System.currentTimeMillis();
    assertTrue(certificate.getNotBefore().getTime() < now - Duration.ofHours(23).toMillis(), "backdated a day");
    assertTrue(certificate.getNotAfter().getTime() < now + Duration.ofDays(8).toMillis(), "short validity");
  }

  @Test
  void javasHttpClientWorksThroughTheSameProxy() throws Exception {
    Map<String, Object> app = server.createContainer("my-app", null);
    Curl.viaProxy((String) app.get("proxyUrl"), "http://my.kv/java-key", "-X", "PUT", "--data-binary", "for java");
    Path client = dir.resolve("HttpsClient.java");
    Files.writeString(client, JAVA_CLIENT);

    // the JDK refuses Basic credentials for tunnels unless this property clears its deny list
    ProcessResult result = run(Processes.java(), "-Djdk.http.auth.tunneling.disabledSchemes=", client.toString(),
        String.valueOf(server.proxyPort()), (String) app.get("id"), token(app), caCert.toString(),
        "https://my.kv/java-key");

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("200 for java", result.output().strip());
  }

  @Test
  void badInputIsClosedCleanlyAndTheServerKeepsAnswering() throws Exception {
    Map<String, Object> app = server.createContainer("my-app", null);
    String auth = "Proxy-Authorization: " + RawHttp.basic((String) app.get("id"), token(app)) + "\r\n";

    RawHttp.Answer noCredentials = RawHttp.send(server.proxyPort(), "CONNECT my.kv:443 HTTP/1.1\r\n\r\n");
    RawHttp.Answer malformed = RawHttp.send(server.proxyPort(), "CONNECT my.kv:notaport HTTP/1.1\r\n" + auth + "\r\n");
    ProcessResult deniedName = sClient(app, "example.com");

    assertTrue(noCredentials.text().startsWith("HTTP/1.1 407"), noCredentials.text());
    assertTrue(noCredentials.closed());
    assertTrue(malformed.text().startsWith("HTTP/1.1 400"), malformed.text());
    assertTrue(malformed.closed());
    assertTrue(deniedName.exitCode() != 0 && deniedName.output().contains("unrecognized name"), deniedName.output());
    try (Socket silent = connect(app, "my.kv:443")) {
      silent.setSoTimeout(20_000);
      assertEquals(-1, silent.getInputStream().read(), "a client that never speaks TLS is closed");
    }
    long started = System.nanoTime();
    Curl.Reply after = Curl.viaProxy((String) app.get("proxyUrl"), "https://my.kv/after", "--cacert",
        caCert.toString());
    assertEquals(404, after.status());
    assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos(), "still answers quickly");
  }

  /**
   * Handshakes with a cached leaf: CONNECT, TLS, close, one after the other; the figure goes to the test
   * log, next to the same loop straight to the local TLS origin as a baseline for this machine.
   */
  @Test
  void measureHandshakesWithACachedLeaf() throws Exception {
    Map<String, Object> app = server.createContainer("my-app", null);
    SSLContext trustingUs = trusting(caCert);
    SSLContext trustingOrigin = trusting(originCert);
    int handshakes = 200;
    double throughProxy = perSecond(handshakes, () -> handshake(connect(app, "my.kv:443"), trustingUs, "my.kv"));
    double direct = perSecond(handshakes, () -> handshake(
        new Socket("127.0.0.1", origin.getAddress().getPort()), trustingOrigin, null));
    System.out.printf("HTTPS interception: %.0f handshakes/s with a cached leaf through the proxy"
        + " (CONNECT + TLS 1.3 + close); %.0f/s straight to a local TLS origin on the same machine%n",
        throughProxy, direct);
  }

  interface Handshake {
    void run() throws IOException;
  }

  private static double perSecond(int count, Handshake handshake) throws IOException {
    for (int i = 0; i < 20; i++) {
      handshake.run(); // warm-up, and the leaf is cached from the first
    }
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      handshake.run();
    }
    return count / ((System.nanoTime() - started) / 1e9);
  }

  /** A verified TLS handshake over {@code socket}, for {@code serverName} (sent as SNI) or else 127.0.0.1. */
  private static void handshake(Socket socket, SSLContext context, String serverName) throws IOException {
    socket.setTcpNoDelay(true);
    try (socket;
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
            .createSocket(socket, serverName == null ? "127.0.0.1" : serverName, 443, true)) {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setServerNames(serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(parameters);
      tls.startHandshake();
    }
  }

  /** A socket on which the proxy has answered {@code 200} to a CONNECT with the container's credentials. */
  private static Socket connect(Map<String, Object> app, String target) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.proxyPort());
    socket.setSoTimeout(30_000);
    socket.setTcpNoDelay(true);
    socket.getOutputStream().write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nProxy-Authorization: "
        + RawHttp.basic((String) app.get("id"), token(app)) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String answer = head.toString(StandardCharsets.US_ASCII);
    if (!answer.startsWith("HTTP/1.1 200")) {
      socket.close();
      throw new AssertionError("CONNECT " + target + " answered " + answer);
    }
    return socket;
  }

  /** openssl s_client through the proxy, with the container's credentials, to an intercepted my.kv. */
  private static ProcessResult sClient(Map<String, Object> app, String serverName) {
    return run("openssl", "s_client", "-proxy", "127.0.0.1:" + server.proxyPort(), "-proxy_user",
        (String) app.get("id"), "-proxy_pass", "pass:" + token(app), "-connect", "my.kv:443", "-servername",
        serverName, "-verify_return_error", "-CAfile", caCert.toString());
  }

  /** The token is the password of the proxy URL {@code http://id:token@host:port}. */
  private static String token(Map<String, Object> app) {
    String url = (String) app.get("proxyUrl");
    return url.substring(url.indexOf(':', "http://".length()) + 1, url.indexOf('@'));
  }

  private static String firstPemBlock(String text) {
    int start = text.indexOf("-----BEGIN CERTIFICATE-----");
    String end = "-----END CERTIFICATE-----";
    return text.substring(start, text.indexOf(end, start) + end.length()) + "\n";
  }

  private static ProcessResult run(String... command) {
    return Processes.run(dir, Duration.ofSeconds(60), Processes.javaEnv(), List.of(command));
  }

  private static void keytool(String... arguments) {
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/keytool"));
    command.addAll(List.of(arguments));
    Processes.run(dir, Duration.ofSeconds(60), Map.of(), command).assertSuccess("keytool");
  }

  /** An HTTPS origin on 127.0.0.1 with the keytool certificate, answering "tls origin" and the path. */
  private static HttpsServer tlsOrigin(Path keyStoreFile) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keyStoreFile.toFile())) {
      keyStore.load(in, STORE_PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, STORE_PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(context));
    https.createContext("/", exchange -> {
      byte[] body = ("tls origin " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    https.start();
    return https;
  }

  private static SSLContext trusting(Path caFile) throws Exception {
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    try (InputStream in = Files.newInputStream(caFile)) {
      anchors.setCertificateEntry("outbound", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(anchors);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** A second client stack: java.net.http.HttpClient, run as a single-file program in its own JVM. */
  private static final String JAVA_CLIENT = """
      import java.io.FileInputStream;
      import java.net.Authenticator;
      import java.net.InetSocketAddress;
      import java.net.PasswordAuthentication;
      import java.net.ProxySelector;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.security.KeyStore;
      import java.security.cert.CertificateFactory;
      import javax.net.ssl.SSLContext;
      import javax.net.ssl.TrustManagerFactory;

      public class HttpsClient {
        public static void main(String[] args) throws Exception {
          KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
          anchors.load(null, null);
          try (var in = new FileInputStream(args[3])) {
            anchors.setCertificateEntry("outbound", CertificateFactory.getInstance("X.509").generateCertificate(in));
          }
          TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
          trust.init(anchors);
          SSLContext tls = SSLContext.getInstance("TLS");
          tls.init(null, trust.getTrustManagers(), null);
          HttpClient client = HttpClient.newBuilder()
              .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]))))
              .authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                  return new PasswordAuthentication(args[1], args[2].toCharArray());
                }
              })
              .sslContext(tls)
              .build();
          HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(args[4])).build(),
              HttpResponse.BodyHandlers.ofString());
          System.out.println(response.statusCode() + " " + response.body());
        }
      }
      """;
}
