package dev.outbound.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outbound.Params;
import dev.outbound.runtime.admin.AdminToken;
import dev.outbound.runtime.policy.HandlerSelection;
import dev.outbound.runtime.testing.OnlyTheseDefinitions;
import dev.outbound.runtime.testing.RawHttp;
import dev.outbound.runtime.testing.RawResponse;
import dev.outbound.runtime.testing.TestApp;
import dev.outbound.runtime.testing.TestAppDefinition;
import dev.outbound.runtime.testing.TestServers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives a restart on the same data directory: instances, their credentials and overrides,
 * the token.
 */
class RestartTest {

  @TempDir Path dir;

  @Test
  void runTimeOverridesAndCredentialsSurviveARestart() throws Exception {
    Path data = dir.resolve("data");
    OutboundServer first = TestServers.start(TestServers.config(data));
    CreatedContainer container;
    String token;
    try {
      token = AdminToken.read(data);
      container = first.admin().create("test-app", "survivor");
      String id = container.instance().id();
      first
          .admin()
          .setOutboundForHost(
              id, "my.kv", new HandlerSelection("greet", Params.of(Map.of("who", "again"))));
      first.admin().setDeniedHosts(id, List.of("echo.test"));
    } finally {
      first.stop();
    }

    OutboundServer second = TestServers.start(TestServers.config(data));
    try {
      assertEquals(token, AdminToken.read(data), "the admin token is kept");
      String auth = "Proxy-Authorization: " + TestServers.proxyAuthorization(container) + "\r\n";
      assertEquals(
          "hello again from my.kv",
          RawHttp.once(
                  second.proxyPort(),
                  "GET http://my.kv/k HTTP/1.1\r\nHost: my.kv\r\n" + auth + "\r\n")
              .body());
      assertEquals(
          520,
          RawHttp.once(
                  second.proxyPort(),
                  "GET http://echo.test/ HTTP/1.1\r\nHost: echo.test\r\n" + auth + "\r\n")
              .status());
      assertEquals("survivor", second.admin().get(container.instance().id()).name());
    } finally {
      second.stop();
    }
  }

  @Test
  void instancesOfAClassThatIsNoLongerLoadedAreDenied() throws Exception {
    Path data = dir.resolve("data");
    OutboundServer first = TestServers.start(TestServers.config(data));
    CreatedContainer open;
    try {
      open = first.admin().create("open-app", null);
    } finally {
      first.stop();
    }
    OutboundServer second =
        OutboundServer.builder(TestServers.config(data).build())
            .classLoader(new OnlyTheseDefinitions(dir, TestAppDefinition.class))
            .build()
            .start();
    try {
      assertEquals(List.of("test-app"), second.containerClasses());
      RawResponse response =
          RawHttp.once(
              second.proxyPort(),
              "GET http://static.test/ HTTP/1.1\r\nHost: x\r\n"
                  + "Proxy-Authorization: "
                  + TestServers.proxyAuthorization(open)
                  + "\r\n\r\n");
      assertEquals(520, response.status());
      assertEquals("class-not-loaded", response.json().get("rule"));
      AdminException refused =
          assertThrows(
              AdminException.class,
              () -> second.admin().setDeniedHosts(open.instance().id(), List.of("x.test")));
      assertEquals(AdminException.Kind.CONFLICT, refused.kind());
    } finally {
      second.stop();
    }
  }

  @Test
  void stoppedServerRefusesAdminCallsAndStopsListening() throws Exception {
    OutboundServer server = TestServers.start(TestServers.config(dir.resolve("data")));
    int port = server.proxyPort();
    server.stop();
    assertThrows(IllegalStateException.class, server::admin);
    assertThrows(
        IOException.class,
        () -> RawHttp.once(port, "GET http://my.kv/ HTTP/1.1\r\nHost: a\r\n\r\n"));
  }

  @Test
  void inFlightRequestsFinishWithinTheShutdownGrace() throws Exception {
    OutboundServer server = TestServers.start(TestServers.config(dir.resolve("data")));
    CreatedContainer container = server.admin().create("test-app", null);
    TestApp.slowRelease = new CountDownLatch(1);
    CompletableFuture<RawResponse> inFlight =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return RawHttp.once(
                    server.proxyPort(),
                    "GET http://slow.test/ HTTP/1.1\r\nHost: slow.test\r\n"
                        + "Proxy-Authorization: "
                        + TestServers.proxyAuthorization(container)
                        + "\r\n\r\n");
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    Thread.sleep(300);
    Thread releaser =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    return;
                  }
                  TestApp.slowRelease.countDown();
                });
    server.stop();
    releaser.join();
    assertEquals("slow done", inFlight.get().body());
    assertFalse(server.isRunning());
  }
}
