package dev.outbound.runtime.connect;

import static dev.outbound.runtime.testing.TestServers.proxyAuthorization;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.log.EgressRecord;
import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.RawHttp;
import dev.outbound.runtime.testing.RawResponse;
import dev.outbound.runtime.testing.TestServers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CONNECT is read, identified and checked against the policy before any tunnel exists (SPEC §4.4, §4.7). */
class ConnectPolicyTest {

    @TempDir
    static Path dir;
    static OutboundServer server;
    static CreatedContainer alice;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.config(dir.resolve("data")));
        alice = server.admin().create("test-app", "alice");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static ConnectClient connect(String target) throws Exception {
        return ConnectClient.connect(server.proxyPort(), target, proxyAuthorization(alice));
    }

    @Test
    void aDeniedHostGetsTheDenialAnswerAndNoTunnel() throws Exception {
        try (ConnectClient client = connect("x.evil.test:443")) {
            assertEquals(520, client.status(), client.head);
            assertTrue(client.head.contains("X-Outbound-Error: denied"), client.head);
            String body = client.rest();
            assertTrue(body.contains("\"error\":\"egress_denied\"") && body.contains("\"host\":\"x.evil.test\"")
                    && body.contains("\"rule\":\"deniedHosts:*.evil.test\""), body);
        }
        EgressRecord record = server.admin().egress(alice.instance().id(), 1000).stream()
                .filter(r -> r.method().equals("CONNECT") && r.host().equals("x.evil.test")).findFirst().orElseThrow();
        assertEquals("denied", record.decision());
        assertEquals("https", record.scheme());
        assertEquals(520, record.status());
    }

    @Test
    void aHostOnlyAHandlerServesIsDeniedWithoutInterception() throws Exception {
        try (ConnectClient client = connect("my.kv:443")) {
            assertEquals(520, client.status());
            assertTrue(client.rest().contains("\"rule\":\"interceptHttps\""));
        }
    }

    @Test
    void aPortOtherThan443NeedsAnAllowedHostsEntryWithThatPort() throws Exception {
        try (ConnectClient client = connect("my.kv:8443")) {
            assertEquals(520, client.status());
            assertTrue(client.rest().contains("\"rule\":\"connect-port\""));
        }
    }

    @Test
    void withoutCredentialsTheAnswerIs407WithAChallenge() throws Exception {
        try (ConnectClient client = ConnectClient.connect(server.proxyPort(), "my.kv:443", null)) {
            assertEquals(407, client.status());
            assertTrue(client.head.contains("Proxy-Authenticate: Basic realm=\"outbound\""), client.head);
            assertTrue(client.closedByProxy());
        }
        try (ConnectClient client = ConnectClient.connect(server.proxyPort(), "my.kv:443",
                TestServers.basic(alice.instance().id(), "0".repeat(64)))) {
            assertEquals(407, client.status());
        }
    }

    @Test
    void malformedTargetsAre400AndClose() throws Exception {
        for (String target : new String[] {"http://my.kv/", "my.kv:99999", "a..b:443", "[::1%25eth0]:443",
                "user@my.kv:443", "my.kv:443 extra", ":443", "my.kv:"}) {
            try (ConnectClient client = connect(target)) {
                assertEquals(400, client.status(), target + " -> " + client.head);
                assertTrue(client.rest().contains("\"error\":\"bad_request\""), target);
            }
        }
        for (String request : new String[] {"CONNECT my.kv:443\r\n\r\n", "CONNECT my.kv:443 HTTP/2.0\r\n\r\n",
                "CONNECT my.kv:443 HTTP/1.1\nHost: x\n\n", "CONNECT  HTTP/1.1\r\n\r\n"}) {
            try (ConnectClient client = ConnectClient.send(server.proxyPort(), request)) {
                assertEquals(400, client.status(), request + " -> " + client.head);
                assertTrue(client.closedByProxy());
            }
        }
        assertServerStillAnswers();
    }

    @Test
    void oversizedHeadersAre431() throws Exception {
        try (ConnectClient client = ConnectClient.send(server.proxyPort(),
                "CONNECT my.kv:443 HTTP/1.1\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n")) {
            assertEquals(431, client.status(), client.head);
        }
        assertServerStillAnswers();
    }

    @Test
    void aClientThatLeavesMidConnectLeavesNothingBehind() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.proxyPort())) {
                socket.getOutputStream().write("CONNECT my.kv:443 HTTP/1.1\r\nProxy-Autho".getBytes());
            }
        }
        assertServerStillAnswers();
    }

    private static void assertServerStillAnswers() throws Exception {
        long started = System.nanoTime();
        RawResponse response = RawHttp.once(server.proxyPort(), "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\n"
                + "Proxy-Authorization: " + proxyAuthorization(alice) + "\r\n\r\n");
        assertEquals(200, response.status());
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "the server answers quickly");
    }
}
