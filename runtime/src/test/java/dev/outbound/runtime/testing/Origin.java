package dev.outbound.runtime.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** A destination server on 127.0.0.1 that answers with what it received. */
public final class Origin implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

    private Origin(HttpServer server) {
        this.server = server;
    }

    public static Origin start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Origin origin = new Origin(server);
            server.createContext("/redirect", exchange -> {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
                byte[] body = exchange.getRequestBody().readAllBytes();
                origin.seen.add(headers);
                byte[] answer = ("origin " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " body=" + body.length + " authorization=" + headers.get("Authorization")
                        + " proxy-authorization=" + headers.get("Proxy-Authorization")).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Origin", "yes");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return origin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Headers of every request it received. */
    public List<Map<String, String>> seen() {
        return seen;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
