package dev.outbound.bench.hello;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

/**
 * The comparison server: plain Helidon WebServer answering every request, absolute-form included,
 * with the constant the {@code status.gateway} handler sends; no identity, policy or routing.
 * {@code java -jar bench-hello.jar [PORT]} (0, the default, picks a free port) prints
 * {@code hello: listening on 127.0.0.1:PORT}.
 */
public final class Hello {

  private static final byte[] BODY = "gateway ok\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private Hello() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    WebServer server = WebServer.builder()
        .host("127.0.0.1")
        .port(port)
        .routing(routing -> routing.any((request, response) -> {
          response.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
          response.send(BODY);
        }))
        .build()
        .start();
    System.out.println("hello: listening on 127.0.0.1:" + server.port());
    System.out.flush();
  }
}
