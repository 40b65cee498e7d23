package dev.outbound.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outbound.runtime.server.Admin;
import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.Origin;
import dev.outbound.runtime.testing.TestServers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sandboxed command can reach (SPEC §4.9, §4.2): its own instance's proxy, and nothing else. */
class SandboxIsolationTest {

    @TempDir
    static Path dir;
    static OutboundServer server;
    static Admin admin;
    static Origin origin;

    @BeforeAll
    static void start() {
        server = OutboundServer.builder(TestServers.config(dir.resolve("data")).build())
                .classLoader(SandboxAppClassPath.loader(dir))
                .build()
                .start();
        admin = server.admin();
        origin = Origin.start();
    }

    @AfterAll
    static void stop() {
        origin.close();
        server.stop();
    }

    @Test
    void aHandlerAnswersThroughTheProxyAsTheSandboxsInstance() {
        CreatedContainer container = admin.create("sandbox-app", null);
        Finished run = run(container, "curl -s -S http://whoami.test/hello");
        assertEquals("container=" + container.instance().id() + " name=" + container.instance().id() + " path=/hello\n",
                run.stdout(), run.stderr());
    }

    @Test
    void theEnvironmentPointsOrdinaryClientsAtTheProxyWithoutCredentials() {
        CreatedContainer container = admin.create("sandbox-app", null);
        Finished run = run(container, "echo $HTTP_PROXY $HTTPS_PROXY $http_proxy $https_proxy $NO_PROXY");
        assertEquals("http://127.0.0.1:3128 http://127.0.0.1:3128 http://127.0.0.1:3128 http://127.0.0.1:3128"
                + " localhost,127.0.0.1,::1\n", run.stdout(), run.stderr());
    }

    @Test
    void aDirectConnectionToTheHostsLoopbackFailsAndTheSameRequestThroughTheProxyWorks() {
        String url = "http://127.0.0.1:" + origin.port() + "/direct";

        Finished direct = run(allowedLoopback(), "curl -s -S --noproxy '*' --max-time 5 " + url);
        assertEquals(7, direct.exitCode(), "curl: couldn't connect; " + direct.stdout() + direct.stderr());

        Finished proxied = run(allowedLoopback(), "curl -s -S --noproxy '' -x \"$HTTP_PROXY\" " + url);
        assertTrue(proxied.stdout().startsWith("origin GET /direct "), proxied.stdout() + proxied.stderr());
    }

    /** A {@code test-app} instance whose {@code 127.0.0.1} handler passes requests on to the host's loopback. */
    private static CreatedContainer allowedLoopback() {
        CreatedContainer container = admin.create("test-app", null);
        admin.setAllowedHosts(container.instance().id(), List.of("127.0.0.1"));
        return container;
    }

    @Test
    void aDirectConnectionToTheHostsOtherAddressesFails() throws IOException {
        Optional<InetAddress> address = firstNonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no address besides loopback");
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(address.get(), 0));
            String host = address.get().getHostAddress();
            String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + listener.getLocalPort() + "/";
            CreatedContainer container = admin.create("sandbox-app", null);

            Finished direct = run(container, "curl -s -S --noproxy '*' --max-time 5 '" + url + "'");

            assertEquals(7, direct.exitCode(), "curl: couldn't connect; " + direct.stdout() + direct.stderr());
        }
    }

    @Test
    void twoSandboxesAtOnceHaveTheirOwnIdentityAndCannotSeeEachOthersSocket() throws Exception {
        CreatedContainer first = admin.create("sandbox-app", null);
        CreatedContainer second = admin.create("sandbox-app", null);
        try (Sandbox firstSandbox = start(first, "curl -s -S http://whoami.test/; read line")) {
            Sandbox secondSandbox = start(second, "curl -s -S http://whoami.test/; ls /run/outbound; "
                    + "test -e " + firstSandbox.socketPath() + " && echo first-socket-visible || echo first-socket-hidden");
            Finished secondRun = Finished.of(secondSandbox.process(), "");
            secondSandbox.close();
            Finished firstRun = Finished.of(firstSandbox.process(), "go on\n");

            assertTrue(firstRun.stdout().startsWith("container=" + first.instance().id()), firstRun.stdout() + firstRun.stderr());
            assertEquals("container=" + second.instance().id() + " name=" + second.instance().id() + " path=/\n"
                    + "proxy.sock\nfirst-socket-hidden\n", secondRun.stdout(), secondRun.stderr());
        }
    }

    @Test
    void theDataDirectoryAndSecretFilesCannotBeRead() {
        CreatedContainer container = admin.create("sandbox-app", null);
        Path dataDir = server.config().dataDir().toAbsolutePath();
        Path secret = dataDir.resolveSibling("data-api-token");
        Finished run = run(container, "ls -A " + dataDir + "; cat " + secret + " || echo secret-unreadable");
        assertEquals("secret-unreadable\n", run.stdout(), run.stderr());
    }

    /** Runs one sandbox: the instance's listener is the server's until the instance is deleted. */
    private static Finished run(CreatedContainer container, String script) {
        try (Sandbox sandbox = start(container, script)) {
            return Finished.of(sandbox.process(), "");
        }
    }

    private static Sandbox start(CreatedContainer container, String script) {
        return Sandbox.builder(new InstanceSocket(admin, container.instance().id()), List.of("sh", "-c", script))
                .hiding(HostSecrets.of(server.config()))
                .start();
    }

    private static Optional<InetAddress> firstNonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLinkLocalAddress())
                .findFirst();
    }
}
