package dev.outbound.runtime.proxy;

import dev.outbound.json.Json;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers what Helidon rejects before any handler runs (malformed request lines and headers,
 * conflicting framing, oversized bodies) in the proxy's JSON form. Helidon reports an oversized header
 * block as a plain bad request; SPEC §4.6 wants {@code 431} for it.
 */
final class ProxyDirectHandler implements DirectHandler {

    /** Helidon's message for a header block over {@code max-headers-size} ({@code Http1HeadersParser}). */
    static final String HEADERS_TOO_LARGE_MESSAGE = "Header size exceeded";
    private static final Status HEADERS_TOO_LARGE = Status.create(431, "Request Header Fields Too Large");

    private final int maxHeaderBytes;
    private final long maxBodyBytes;

    ProxyDirectHandler(int maxHeaderBytes, long maxBodyBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    static DirectHandlers all(int maxHeaderBytes, long maxBodyBytes) {
        ProxyDirectHandler handler = new ProxyDirectHandler(maxHeaderBytes, maxBodyBytes);
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
            ServerResponseHeaders responseHeaders, String message) {
        Status status = defaultStatus;
        Map<String, Object> body = new LinkedHashMap<>();
        String kind;
        if (HEADERS_TOO_LARGE_MESSAGE.equals(message)) {
            status = HEADERS_TOO_LARGE;
            kind = "headers-too-large";
            body.put("error", "headers_too_large");
            body.put("limit", (long) maxHeaderBytes);
        } else if (status.code() == 413) {
            kind = "body-too-large";
            body.put("error", "body_too_large");
            body.put("limit", maxBodyBytes);
        } else if (status.code() >= 500 && eventType != EventType.HTTP_VERSION_NOT_SUPPORTED) {
            kind = "internal-error";
            body.put("error", "internal_error");
        } else {
            kind = "bad-request";
            body.put("error", "bad_request");
            body.put("message", message == null ? status.reasonPhrase() : message);
        }
        return TransportResponse.builder()
                .status(status)
                .headers(responseHeaders)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create(ProxyErrors.ERROR_HEADER), kind)
                .entity(Json.write(body).getBytes(StandardCharsets.UTF_8))
                .keepAlive(false)
                .build();
    }
}
