package dev.outbound.runtime.connect;

import static dev.outbound.runtime.testing.TestServers.proxyAuthorization;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.config.ClassOverrides;
import dev.outbound.runtime.log.EgressRecord;
import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.TestServers;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intercepted HTTPS (SPEC §4.7): TLS ends at the proxy and each request inside is served like a plain one. */
class InterceptionTest {

    @TempDir
    static Path dir;
    static OutboundServer server;
    static CreatedContainer alice;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.config(dir.resolve("data")).classOverrides("test-app",
                new ClassOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true))));
        alice = server.admin().create("test-app", "alice");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static ConnectClient connect(String target) throws Exception {
        ConnectClient client = ConnectClient.connect(server.proxyPort(), target, proxyAuthorization(alice));
        assertEquals(200, client.status(), client.head);
        return client;
    }

    @Test
    void requestsInsideReachTheHandlerOfThePlainHostWithSchemeHttps() throws Exception {
        try (ConnectClient client = connect("my.kv:443");
                SSLSocket tls = client.startTls(alice.caCertPem(), "my.kv")) {
            TunnelHttp.Response first = TunnelHttp.exchange(tls, "GET /some-key?x=1 HTTP/1.1\r\nHost: my.kv\r\n\r\n");
            assertEquals(200, first.status(), first.body());
            assertEquals("kv GET https://my.kv/some-key?x=1 container=alice class=test-app"
                    + " proxy-authorization=null host-header=my.kv", first.body());
            TunnelHttp.Response second = TunnelHttp.exchange(tls, "GET /again HTTP/1.1\r\nHost: my.kv\r\n\r\n");
            assertTrue(second.body().startsWith("kv GET https://my.kv/again"), "keep-alive inside the tunnel");
        }
    }

    @Test
    void theConnectAuthorityRoutesNotTheHostHeader() throws Exception {
        try (ConnectClient client = connect("my.kv:443");
                SSLSocket tls = client.startTls(alice.caCertPem(), "my.kv")) {
            TunnelHttp.Response response = TunnelHttp.exchange(tls, "GET /k HTTP/1.1\r\nHost: x.evil.test\r\n\r\n");
            assertTrue(response.body().startsWith("kv GET https://my.kv/k"), response.body());
        }
    }

    @Test
    void withoutSniTheLeafIsForTheConnectHost() throws Exception {
        try (ConnectClient client = connect("my.kv:443");
                SSLSocket tls = client.startTls(alice.caCertPem(), null)) {
            String subject = ((java.security.cert.X509Certificate) tls.getSession().getPeerCertificates()[0])
                    .getSubjectX500Principal().getName();
            assertEquals("CN=my.kv", subject);
        }
    }

    @Test
    void aServerNameThePolicyDeniesGetsNoHandshake() throws Exception {
        try (ConnectClient client = connect("my.kv:443")) {
            assertThrows(SSLException.class, () -> client.startTls(alice.caCertPem(), "x.evil.test"));
        }
        assertServerStillAnswers();
    }

    @Test
    void aClientThatDoesNotSpeakTlsIsClosed() throws Exception {
        try (ConnectClient client = connect("my.kv:443")) {
            client.socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: my.kv\r\n\r\n".getBytes());
            assertTrue(client.closedByProxy());
        }
        assertServerStillAnswers();
    }

    @Test
    void onAListenerOfItsOwnAContainerNeedsNoCredentials() throws Exception {
        CreatedContainer bob = server.admin().create("test-app", "bob");
        InetSocketAddress listener = (InetSocketAddress) server.admin().openListener(bob.instance().id(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (ConnectClient client = ConnectClient.connect(listener.getPort(), "my.kv:443", null);
                SSLSocket tls = client.startTls(bob.caCertPem(), "my.kv")) {
            assertEquals(200, client.status());
            TunnelHttp.Response response = TunnelHttp.exchange(tls, "GET /k HTTP/1.1\r\nHost: my.kv\r\n\r\n");
            assertTrue(response.body().contains("container=bob"), response.body());
        }
    }

    @Test
    void theConnectItselfIsRecorded() throws Exception {
        try (ConnectClient client = connect("empty.test:443");
                SSLSocket tls = client.startTls(alice.caCertPem(), "empty.test")) {
            assertEquals(204, TunnelHttp.exchange(tls, "GET / HTTP/1.1\r\nHost: empty.test\r\n\r\n").status());
        }
        List<EgressRecord> records = awaitRecords(record -> record.method().equals("CONNECT")
                && record.host().equals("empty.test"));
        EgressRecord connect = records.getLast();
        assertEquals("intercepted", connect.decision());
        assertEquals(200, connect.status());
        assertTrue(server.admin().egress(alice.instance().id(), 100).stream()
                .anyMatch(record -> record.scheme().equals("https") && record.method().equals("GET")
                        && record.host().equals("empty.test") && record.status() == 204));
    }

    @Test
    void tunnelsLeaveNoFileDescriptorsBehind() throws Exception {
        assertServerStillAnswers();
        long before = openFileDescriptors();
        for (int i = 0; i < 50; i++) {
            try (ConnectClient client = connect("my.kv:443");
                    SSLSocket tls = client.startTls(alice.caCertPem(), "my.kv")) {
                TunnelHttp.exchange(tls, "GET /k HTTP/1.1\r\nHost: my.kv\r\n\r\n");
            }
            try (ConnectClient client = connect("my.kv:443")) {
                client.socket.getOutputStream().write("not tls\r\n\r\n".getBytes());
                client.closedByProxy();
            }
        }
        long after = openFileDescriptors();
        for (int i = 0; i < 100 && after > before + 10; i++) {
            Thread.sleep(50); // the server closes its side just after the client
            after = openFileDescriptors();
        }
        assertTrue(after <= before + 10, "open file descriptors went from " + before + " to " + after);
    }

    private static long openFileDescriptors() {
        return ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getOpenFileDescriptorCount();
    }

    private static List<EgressRecord> awaitRecords(java.util.function.Predicate<EgressRecord> wanted)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<EgressRecord> found = server.admin().egress(alice.instance().id(), 1000).stream().filter(wanted).toList();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such egress record");
    }

    static void assertServerStillAnswers() throws Exception {
        long started = System.nanoTime();
        try (ConnectClient client = connect("my.kv:443");
                SSLSocket tls = client.startTls(alice.caCertPem(), "my.kv")) {
            assertEquals(200, TunnelHttp.exchange(tls, "GET /k HTTP/1.1\r\nHost: my.kv\r\n\r\n").status());
        }
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "the server answers quickly");
    }
}
