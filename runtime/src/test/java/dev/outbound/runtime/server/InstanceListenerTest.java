package dev.outbound.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.testing.RawHttp;
import dev.outbound.runtime.testing.RawResponse;
import dev.outbound.runtime.testing.TestServers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener that belongs to one instance implies its identity (SPEC §4.2), over TCP or a unix
 * socket.
 */
class InstanceListenerTest {

  @TempDir static Path dir;
  static OutboundServer server;

  @BeforeAll
  static void start() {
    server = TestServers.start(TestServers.config(dir.resolve("data")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void tcpListenerIdentifiesItsInstanceAndTakesOriginForm() throws Exception {
    CreatedContainer container = server.admin().create("test-app", "own-port");
    InetSocketAddress address =
        (InetSocketAddress)
            server
                .admin()
                .openListener(
                    container.instance().id(),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

    RawResponse originForm =
        RawHttp.once(address.getPort(), "GET /k?x=1 HTTP/1.1\r\nHost: my.kv\r\n\r\n");
    assertEquals(
        "kv GET http://my.kv/k?x=1 container=own-port class=test-app proxy-authorization=null"
            + " host-header=my.kv",
        originForm.body());
    RawResponse absolute =
        RawHttp.once(address.getPort(), "GET http://x.evil.test/ HTTP/1.1\r\nHost: my.kv\r\n\r\n");
    assertEquals(520, absolute.status(), "absolute form still routes by the target");

    AdminException twice =
        assertThrows(
            AdminException.class,
            () ->
                server
                    .admin()
                    .openListener(
                        container.instance().id(),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    assertEquals(AdminException.Kind.CONFLICT, twice.kind());

    server.admin().delete(container.instance().id());
    assertThrows(
        IOException.class,
        () -> RawHttp.once(address.getPort(), "GET /k HTTP/1.1\r\nHost: my.kv\r\n\r\n"));
  }

  @Test
  void unixSocketListener() throws Exception {
    CreatedContainer container = server.admin().create("test-app", "own-socket");
    Path socket = dir.resolve("own-socket.sock");
    server.admin().openListener(container.instance().id(), UnixDomainSocketAddress.of(socket));
    try (RawHttp http = RawHttp.unix(socket)) {
      RawResponse response = http.exchange("GET /k HTTP/1.1\r\nHost: my.kv\r\n\r\n");
      assertTrue(response.body().contains("container=own-socket"), response.body());
    }
  }

  @Test
  void unknownInstanceGetsNoListener() {
    AdminException missing =
        assertThrows(
            AdminException.class,
            () ->
                server
                    .admin()
                    .openListener(
                        "f".repeat(64),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    assertEquals(AdminException.Kind.NOT_FOUND, missing.kind());
  }
}
