package dev.outbound.runtime.sandbox;

import dev.outbound.json.Json;
import dev.outbound.json.JsonException;
import dev.outbound.runtime.server.AdminException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A server running in another process, reached through its admin API (SPEC §4.8) for {@code run --server}. */
public final class RemoteServer {

    private final URI admin;
    private final String token;

    /**
     * @param admin the admin listener, such as {@code http://127.0.0.1:3129}
     * @param token the admin token from the server's data directory
     */
    public RemoteServer(URI admin, String token) {
        this.admin = admin;
        this.token = token;
    }

    /**
     * Registers an instance and opens a route to it through the server's shared listener.
     *
     * @throws AdminException when the server refuses, with its message
     */
    public Registered register(String className, String name) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("class", className);
        if (name != null) {
            body.put("name", name);
        }
        Map<String, Object> created = Json.parseObject(send(HttpRequest.newBuilder(uri("/v1/containers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))));
        URI proxyUrl = URI.create((String) created.get("proxyUrl"));
        return new Registered((String) created.get("id"),
                new SharedListener(new InetSocketAddress(proxyUrl.getHost(), proxyUrl.getPort()), proxyUrl.getRawUserInfo()),
                (String) created.get("caCertPem"));
    }

    public void deregister(String id) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/v1/containers/" + id)).DELETE());
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = client.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("cannot reach the server's admin API at " + admin + ": " + e.getMessage(), e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        AdminException.Kind kind = Arrays.stream(AdminException.Kind.values())
                .filter(k -> k.status() == status).findFirst()
                .orElseThrow(() -> new IOException("admin API answered " + status + ": " + response.body()));
        throw new AdminException(kind, message(response.body()));
    }

    private static String message(String body) {
        try {
            return String.valueOf(Json.parseObject(body).get("message"));
        } catch (JsonException e) {
            return body;
        }
    }

    private URI uri(String path) {
        String base = admin.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** A registered instance, its route to the proxy and the CA its intercepted HTTPS is signed with. */
    public record Registered(String id, SharedListener route, String caCertPem) {
    }
}
