package dev.outbound.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HTTP origin on 127.0.0.1 that answers "origin" and remembers what it was sent. */
final class LocalOrigin implements AutoCloseable {

  /** One request the origin received. */
  record Received(String method, String path, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  LocalOrigin() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  Map.copyOf(exchange.getRequestHeaders())));
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              ("origin " + exchange.getRequestURI().getPath() + "\n")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT} + path. */
  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  List<Received> received() {
    return received;
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
