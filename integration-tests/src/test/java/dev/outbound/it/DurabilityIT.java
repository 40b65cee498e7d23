package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every write acknowledged with 2xx survives kill -9 of the server in the middle of a stream of writes. */
class DurabilityIT {

  @TempDir
  Path dir;

  @Test
  void acknowledgedWritesSurviveKillNine() throws Exception {
    Path config = ExampleServer.config(dir, "");
    ServerProcess server = ExampleServer.start(dir.resolve("data"), config);
    Map<String, Object> app = server.createContainer("my-app", "durable-app");
    Map<String, Object> state = server.createContainer("my-container", "durable-state");
    HttpClient kvClient = client(server, app);
    HttpClient stateClient = client(server, state);

    List<Integer> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicBoolean killed = new AtomicBoolean();
    // Kill while writes are in flight: once a few dozen are acknowledged, at a moment the writer does not choose.
    Thread killer = Thread.ofVirtual().start(() -> {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (acknowledged.size() < 30 && System.nanoTime() < deadline) {
        sleep(20);
      }
      sleep(37);
      server.kill();
      killed.set(true);
    });
    for (int i = 0; i < 5000 && !killed.get(); i++) {
      try {
        int kv = send(kvClient, auth(app), "PUT", "http://my.kv/key-" + i, "value-" + i);
        int bucket = send(kvClient, auth(app), "PUT", "http://my.r2/object-" + i, "object-" + i);
        int durable = send(stateClient, auth(state), "PUT", "http://get-state.do/key-" + i, "state-" + i);
        if (kv / 100 == 2 && bucket / 100 == 2 && durable / 100 == 2) {
          acknowledged.add(i);
        }
      } catch (java.io.IOException dropped) {
        // the server died mid-request: not acknowledged
      }
    }
    killer.join();
    assertTrue(acknowledged.size() >= 30, "the server acknowledged writes before it was killed: " + acknowledged.size());

    try (ServerProcess restarted = ExampleServer.start(dir.resolve("data"), config)) {
      String appProxy = ((String) app.get("proxyUrl")).replaceAll(":\\d+$", ":" + restarted.proxyPort());
      String stateProxy = ((String) state.get("proxyUrl")).replaceAll(":\\d+$", ":" + restarted.proxyPort());
      for (int i : List.of(acknowledged.get(0), acknowledged.get(acknowledged.size() / 2),
          acknowledged.get(acknowledged.size() - 1))) {
        assertEquals(new Curl.Reply(200, "value-" + i), Curl.viaProxy(appProxy, "http://my.kv/key-" + i));
        assertEquals(new Curl.Reply(200, "object-" + i), Curl.viaProxy(appProxy, "http://my.r2/object-" + i));
        assertEquals(new Curl.Reply(200, "state-" + i),
            Curl.viaProxy(stateProxy, "http://get-state.do/", "-X", "POST", "--data", "key-" + i));
      }
      // and every acknowledged KV write, checked through one keep-alive client
      HttpClient check = client(restarted, app);
      for (int i : acknowledged) {
        assertEquals(200, send(check, authFor(appProxy), "GET", "http://my.kv/key-" + i, null), "key-" + i);
      }
    }
  }

  private static HttpClient client(ServerProcess server, Map<String, Object> container) {
    return HttpClient.newBuilder()
        .proxy(java.net.ProxySelector.of(new java.net.InetSocketAddress("127.0.0.1", server.proxyPort())))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static String auth(Map<String, Object> container) {
    return authFor((String) container.get("proxyUrl"));
  }

  private static String authFor(String proxyUrl) {
    String userInfo = URI.create(proxyUrl).getRawUserInfo();
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  private static int send(HttpClient client, String auth, String method, String url, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Proxy-Authorization", auth)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
