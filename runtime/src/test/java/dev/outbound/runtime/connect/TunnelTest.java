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
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allowed CONNECTs that are not intercepted become byte tunnels to the vetted address (SPEC §4.7). */
class TunnelTest {

    @TempDir
    static Path dir;
    static OutboundServer server;
    static CreatedContainer allowed;
    static CreatedContainer open;
    static ServerSocket echoUntilEnd;
    static ServerSocket speaksFirst;
    static int closedPort;

    @BeforeAll
    static void start() throws IOException {
        echoUntilEnd = origin(socket -> {
            byte[] received = socket.getInputStream().readAllBytes();
            socket.getOutputStream().write(("echo:" + new String(received, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        });
        speaksFirst = origin(socket -> socket.getOutputStream().write("bye".getBytes(StandardCharsets.UTF_8)));
        try (ServerSocket closed = new ServerSocket(0)) {
            closedPort = closed.getLocalPort();
        }
        server = TestServers.start(TestServers.config(dir.resolve("data")));
        allowed = server.admin().create("open-app", "allowed");
        server.admin().setAllowedHosts(allowed.instance().id(), List.of("127.0.0.1:" + echoUntilEnd.getLocalPort(),
                "127.0.0.1:" + speaksFirst.getLocalPort(), "127.0.0.1:" + closedPort));
        open = server.admin().create("open-app", "open");
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop();
        echoUntilEnd.close();
        speaksFirst.close();
    }

    interface Conversation {
        void run(Socket socket) throws IOException;
    }

    /** A loopback origin that has one conversation per connection, then closes it. */
    private static ServerSocket origin(Conversation conversation) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    Thread.ofVirtual().start(() -> {
                        try (socket) {
                            conversation.run(socket);
                        } catch (IOException e) {
                            // the test reports what it did not get
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return listener;
    }

    @Test
    void bytesFlowBothWaysAndTheContainersHalfCloseReachesTheDestination() throws Exception {
        String target = "127.0.0.1:" + echoUntilEnd.getLocalPort();
        try (ConnectClient client = ConnectClient.connect(server.proxyPort(), target, proxyAuthorization(allowed))) {
            assertEquals(200, client.status(), client.head);
            client.socket.getOutputStream().write("hello through the tunnel".getBytes(StandardCharsets.UTF_8));
            client.socket.shutdownOutput();
            assertEquals("echo:hello through the tunnel", client.rest());
        }
        EgressRecord record = awaitConnectRecord(allowed, target);
        assertEquals("internet", record.decision());
        assertEquals("allowedHosts:" + target, record.rule());
        assertEquals(24, record.bytesIn());
        assertEquals(29, record.bytesOut());
    }

    @Test
    void theDestinationClosingEndsTheTunnelAfterItsLastByte() throws Exception {
        try (ConnectClient client = ConnectClient.connect(server.proxyPort(),
                "127.0.0.1:" + speaksFirst.getLocalPort(), proxyAuthorization(allowed))) {
            assertEquals(200, client.status());
            InputStream in = client.socket.getInputStream();
            assertEquals("bye", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theEgressGuardStillRefusesLoopbackWithoutAnIpEntry() throws Exception {
        try (ConnectClient client = ConnectClient.connect(server.proxyPort(), "127.0.0.1:443",
                proxyAuthorization(open))) {
            assertEquals(520, client.status(), client.head);
            assertTrue(client.rest().contains("\"rule\":\"egress-guard\""));
        }
    }

    @Test
    void aPortTheAllowListDoesNotNameIsDenied() throws Exception {
        try (ConnectClient client = ConnectClient.connect(server.proxyPort(), "127.0.0.1:1",
                proxyAuthorization(allowed))) {
            assertEquals(520, client.status());
            assertTrue(client.rest().contains("\"rule\":\"allowedHosts\""));
        }
    }

    @Test
    void anUnreachableDestinationIs502() throws Exception {
        try (ConnectClient client = ConnectClient.connect(server.proxyPort(), "127.0.0.1:" + closedPort,
                proxyAuthorization(allowed))) {
            assertEquals(502, client.status(), client.head);
            assertTrue(client.rest().contains("\"error\":\"destination_unreachable\""));
        }
    }

    @Test
    void aConnectAfterOtherRequestsOnAConnectionOpensNoTunnel() throws Exception {
        try (RawHttp http = RawHttp.connect(server.proxyPort())) {
            String auth = "Proxy-Authorization: " + proxyAuthorization(open) + "\r\n";
            assertEquals(200, http.exchange("GET http://static.test/ HTTP/1.1\r\nHost: static.test\r\n" + auth
                    + "\r\n").status());
            RawResponse response = http.exchange("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n" + auth
                    + "\r\n");
            assertEquals(501, response.status(), response.body());
            assertEquals("connect_not_supported", response.json().get("error"));
            assertTrue(http.closedByServer());
        }
    }

    private static EgressRecord awaitConnectRecord(CreatedContainer container, String target) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (EgressRecord record : server.admin().egress(container.instance().id(), 1000)) {
                if (record.method().equals("CONNECT") && target.equals(record.host() + ":" + record.port())) {
                    return record;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no CONNECT record for " + target);
    }
}
