package dev.outbound.runtime.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which origin connections the forwarder keeps and reuses, seen from keep-alive origins on
 * 127.0.0.1 that answer every request with the number of the connection it came on.
 */
class ConnectionPoolTest {

  private final List<AutoCloseable> closeAfter = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : closeAfter.reversed()) {
      closeable.close();
    }
  }

  @Test
  void reusesEveryConnectionOfAConcurrentBurstByDefault() throws Exception {
    int concurrency = 32;
    HttpForwarder forwarder = forwarder(ForwarderSettings.defaults());
    CyclicBarrier allInFlight = new CyclicBarrier(concurrency);
    ScriptedOrigin origin = origin(numberingConnections(allInFlight, 0, null));

    for (int round = 0; round < 5; round++) {
      Set<String> connections = burst(forwarder, origin, concurrency);
      assertEquals(concurrency, connections.size(), "round " + round + " ran " + connections);
    }

    assertEquals(concurrency, origin.accepted());
  }

  @Test
  void keepsNoMoreThanTheRouteLimitAfterABurst() throws Exception {
    HttpForwarder forwarder =
        forwarder(ForwarderSettings.defaults().withIdleConnections(3, 64, Duration.ofSeconds(30)));
    CyclicBarrier allInFlight = new CyclicBarrier(5);
    ScriptedOrigin origin = origin(numberingConnections(allInFlight, 0, null));

    burst(forwarder, origin, 5);
    burst(forwarder, origin, 5);

    assertEquals(5 + 2, origin.accepted()); // 3 of the first 5 were kept
  }

  @Test
  void theTotalLimitClosesTheOldestIdleConnectionOfAnyRoute() throws Exception {
    HttpForwarder forwarder =
        forwarder(ForwarderSettings.defaults().withIdleConnections(4, 2, Duration.ofSeconds(30)));
    CountDownLatch secondClosed = new CountDownLatch(1);
    ScriptedOrigin a = origin(numberingConnections(null, 2, secondClosed));
    ScriptedOrigin b = origin(numberingConnections(null, 0, null));
    OutboundRequest toA = request(a);

    OutboundResponse busy = forwarder.forward(toA, Origins.vet(toA)); // a's connection 1
    assertEquals("2", forward(forwarder, a)); // idle: a2
    assertEquals("1", forward(forwarder, b)); // idle: a2, b1
    assertEquals("1", busy.text()); // a1 comes back, one too many: a2 is the oldest

    assertTrue(secondClosed.await(10, TimeUnit.SECONDS), "a's connection 2 stayed open");
    assertEquals("1", forward(forwarder, a));
    assertEquals("1", forward(forwarder, b));
    assertEquals(2, a.accepted());
    assertEquals(1, b.accepted());
  }

  @Test
  void closesConnectionsIdleLongerThanTheTimeout() throws Exception {
    HttpForwarder forwarder =
        forwarder(ForwarderSettings.defaults().withIdleConnections(4, 64, Duration.ofMillis(100)));
    CountDownLatch expiredClosed = new CountDownLatch(1);
    ScriptedOrigin expiring = origin(numberingConnections(null, 1, expiredClosed));
    ScriptedOrigin other = origin(numberingConnections(null, 0, null));

    forward(forwarder, expiring);
    Thread.sleep(200);
    forward(forwarder, other); // any use of the pool evicts what expired

    assertTrue(expiredClosed.await(10, TimeUnit.SECONDS), "the expired connection stayed open");
    assertEquals("2", forward(forwarder, expiring));
  }

  @Test
  void reusesTheNewestIdleConnectionOfTheRoute() throws Exception {
    HttpForwarder forwarder = forwarder(ForwarderSettings.defaults());
    ScriptedOrigin origin = origin(numberingConnections(null, 0, null));
    OutboundRequest request = request(origin);

    OutboundResponse first = forwarder.forward(request, Origins.vet(request));
    OutboundResponse second = forwarder.forward(request, Origins.vet(request));
    first.text();
    second.text();

    assertEquals("2", forward(forwarder, origin));
    assertEquals("2", forward(forwarder, origin));
    assertEquals(2, origin.accepted());
  }

  @Test
  void doesNotReuseAConnectionThatReceivedBytesNobodyAskedFor() throws Exception {
    HttpForwarder forwarder = forwarder(ForwarderSettings.defaults());
    ScriptedOrigin.Script numbering = numberingConnections(null, 0, null);
    ScriptedOrigin origin =
        origin(
            (self, connection, in, out) -> {
              if (connection > 1) {
                numbering.play(self, connection, in, out);
                return;
              }
              self.readRequest(in);
              ScriptedOrigin.write(
                  out,
                  "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1"
                      + "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged");
              self.readRequest(in);
            });

    assertEquals("1", forward(forwarder, origin));
    assertEquals("2", forward(forwarder, origin));
    assertEquals(2, origin.accepted());
  }

  /**
   * Answers each request on a connection with the connection's number, for as long as the client
   * keeps it; waits at {@code allInFlight} (when given) before each answer, and counts down {@code
   * watchedClosed} when the client closes connection number {@code watched}.
   */
  private static ScriptedOrigin.Script numberingConnections(
      CyclicBarrier allInFlight, int watched, CountDownLatch watchedClosed) {
    return (self, connection, in, out) -> {
      while (self.readRequest(in) != null) {
        if (allInFlight != null) {
          awaitAll(allInFlight);
        }
        String body = Integer.toString(connection);
        ScriptedOrigin.write(
            out, "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      }
      if (connection == watched) {
        watchedClosed.countDown();
      }
    };
  }

  /** {@code count} requests at once; the connection numbers that answered them. */
  private static Set<String> burst(HttpForwarder forwarder, ScriptedOrigin origin, int count)
      throws Exception {
    List<Future<String>> answers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        answers.add(threads.submit(() -> forward(forwarder, origin)));
      }
      Set<String> connections = new HashSet<>();
      for (Future<String> answer : answers) {
        connections.add(answer.get(30, TimeUnit.SECONDS));
      }
      return connections;
    }
  }

  private static String forward(HttpForwarder forwarder, ScriptedOrigin origin) throws IOException {
    OutboundRequest request = request(origin);
    return forwarder.forward(request, Origins.vet(request)).text();
  }

  private static OutboundRequest request(ScriptedOrigin origin) {
    return OutboundRequest.builder("GET", "http://origin.test:" + origin.port() + "/").build();
  }

  private static void awaitAll(CyclicBarrier barrier) throws IOException {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
      throw new IOException("the requests did not all arrive together", e);
    }
  }

  private HttpForwarder forwarder(ForwarderSettings settings) {
    HttpForwarder forwarder = new HttpForwarder(settings);
    closeAfter.add(forwarder);
    return forwarder;
  }

  private ScriptedOrigin origin(ScriptedOrigin.Script script) throws IOException {
    ScriptedOrigin origin = new ScriptedOrigin(script);
    closeAfter.add(origin);
    return origin;
  }
}
