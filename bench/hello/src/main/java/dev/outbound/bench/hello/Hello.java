package dev.outbound.bench.hello;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

/**
 * The comparison server: plain Helidon WebServer answering every request, absolute-form included,
 * with the constant the {@code status.gateway} handler sends; no identity, policy or routing.
 * {@code java -jar bench-hello.jar [PORT]} (0, the default, picks a free port) prints {@code hello:
 * listening on 127.0.0.1:PORT}.
 *
 * <p>{@code java -jar bench-hello.jar PORT --pass ORIGIN_PORT} instead passes every request on to
 * {@code http://127.0.0.1:ORIGIN_PORT/} through {@link OriginClient}, the least a passthrough
 * needs: the reference floor for target 3.
 */
public final class Hello {

  private static final byte[] BODY =
      "gateway ok\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private Hello() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    OriginClient origin =
        args.length > 2 && args[1].equals("--pass")
            ? new OriginClient(Integer.parseInt(args[2]))
            : null;
    WebServer server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(port)
            .routing(
                routing ->
                    routing.any(
                        (request, response) -> {
                          response.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
                          if (origin == null) {
                            response.send(BODY);
                            return;
                          }
                          OriginClient.Answer answer = origin.get();
                          response.status(answer.status());
                          response.send(answer.body());
                        }))
            .build()
            .start();
    System.out.println("hello: listening on 127.0.0.1:" + server.port());
    System.out.flush();
  }
}
