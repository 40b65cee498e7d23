package dev.outbound.runtime.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.Origin;
import dev.outbound.runtime.testing.RawHttp;
import dev.outbound.runtime.testing.RawResponse;
import dev.outbound.runtime.testing.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real clients through the proxy: curl with the proxy URL, bodies both ways, responses without a body. */
class ClientsTest {

    @TempDir
    static Path dir;
    static OutboundServer server;
    static Origin origin;
    static CreatedContainer container;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.config(dir.resolve("data")));
        origin = Origin.start();
        container = server.admin().create("test-app", "curl-user");
        server.admin().setAllowedHosts(container.instance().id(), List.of("*.test", "my.kv", "localhost", "127.0.0.0/8"));
    }

    @AfterAll
    static void stop() {
        server.stop();
        origin.close();
    }

    static String curl(String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        List<String> command = new ArrayList<>(List.of("/usr/bin/curl", "-s", "-S", "--max-time", "10",
                "-x", "http://127.0.0.1:" + server.proxyPort(),
                "--proxy-user", container.instance().id() + ":" + container.token()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(15, TimeUnit.SECONDS));
        return output;
    }

    @Test
    void curlWithTheProxyUrl() throws Exception {
        assertEquals("kv GET http://my.kv/from-curl container=curl-user class=test-app proxy-authorization=null"
                + " host-header=my.kv", curl("http://my.kv/from-curl"));
        assertEquals("407", curl("-o", "/dev/null", "-w", "%{http_code}", "--proxy-user", "x:y", "http://my.kv/"));
    }

    @Test
    void curlPostThroughThePassthroughStreamsTheBody() throws Exception {
        String body = "z".repeat(40_000);
        assertEquals("origin POST /upload body=40000 authorization=null proxy-authorization=null",
                curl("--data-binary", body, "http://localhost:" + origin.port() + "/upload"));
    }

    @Test
    void redirectsReachTheContainerUnfollowed() throws Exception {
        String auth = "Proxy-Authorization: " + TestServers.proxyAuthorization(container) + "\r\n";
        RawResponse response = RawHttp.once(server.proxyPort(), "GET http://localhost:" + origin.port()
                + "/redirect HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n");
        assertEquals(302, response.status());
        assertEquals("http://127.0.0.1:1/elsewhere", response.header("Location"));
    }

    @Test
    void responsesWithoutABody() throws Exception {
        String auth = "Proxy-Authorization: " + TestServers.proxyAuthorization(container) + "\r\n";
        try (RawHttp http = RawHttp.connect(server.proxyPort())) {
            RawResponse empty = http.exchange("GET http://empty.test/ HTTP/1.1\r\nHost: empty.test\r\n" + auth + "\r\n");
            assertEquals(204, empty.status());
            RawResponse next = http.exchange("GET http://my.kv/again HTTP/1.1\r\nHost: my.kv\r\n" + auth + "\r\n");
            assertEquals(200, next.status(), "the connection is still usable");
        }
        String head = curl("-I", "http://localhost:" + origin.port() + "/head");
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        assertTrue(head.toLowerCase().contains("x-origin: yes"), head);
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        String auth = "Proxy-Authorization: " + TestServers.proxyAuthorization(container) + "\r\n";
        try (RawHttp http = RawHttp.connect(server.proxyPort())) {
            for (int i = 0; i < 20; i++) {
                RawResponse response = http.exchange("GET http://my.kv/" + i + " HTTP/1.1\r\nHost: my.kv\r\n" + auth + "\r\n");
                assertTrue(response.body().startsWith("kv GET http://my.kv/" + i + " "), response.body());
            }
        }
    }
}
