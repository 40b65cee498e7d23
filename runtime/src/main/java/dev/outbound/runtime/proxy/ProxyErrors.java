package dev.outbound.runtime.proxy;

import dev.outbound.OutboundResponse;
import dev.outbound.host.Authority;
import dev.outbound.json.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers the proxy itself gives a container (SPEC §4.4, §4.6): JSON bodies that say what happened,
 * never a stack trace, each marked with {@code X-Outbound-Error} so that a container can tell them from
 * an answer of the destination.
 */
public final class ProxyErrors {

    public static final String ERROR_HEADER = "X-Outbound-Error";

    private final int denialStatus;

    public ProxyErrors(int denialStatus) {
        this.denialStatus = denialStatus;
    }

    /** A request the policy, or the egress guard, refused. */
    public OutboundResponse denied(Authority authority, String reason, String rule) {
        return answer(denialStatus, "denied", json("error", "egress_denied", "host", authority.host(),
                "port", (long) authority.port(), "reason", reason, "rule", rule));
    }

    public static OutboundResponse badRequest(String message) {
        return answer(400, "bad-request", json("error", "bad_request", "message", message));
    }

    public static OutboundResponse proxyAuthenticationRequired(String message) {
        return answer(407, "proxy-authentication", json("error", "proxy_authentication_required", "message", message))
                .withHeader("Proxy-Authenticate", "Basic realm=\"outbound\"");
    }

    public static OutboundResponse bodyTooLarge(long limit) {
        return answer(413, "body-too-large", json("error", "body_too_large", "limit", limit));
    }

    public static OutboundResponse headersTooLarge(int limit) {
        return answer(431, "headers-too-large", json("error", "headers_too_large", "limit", (long) limit));
    }

    /** A binding refused the handler's input (a key, value, metadata or list past its limit). */
    public static OutboundResponse bindingLimit(String message) {
        return answer(400, "binding-limit", json("error", "binding_limit", "message", message));
    }

    /** A range that lies outside the object. */
    public static OutboundResponse rangeNotSatisfiable(long size) {
        return answer(416, "range-not-satisfiable", json("error", "range_not_satisfiable", "size", size))
                .withHeader("Content-Range", "bytes */" + size);
    }

    /** The handler threw: the id is also in the server log, next to the stack trace. */
    public static OutboundResponse handlerFailed(String errorId) {
        return answer(500, "handler-failed", json("error", "handler_failed", "id", errorId));
    }

    /** Passing the request on failed in an unexpected way; the id is in the server log. */
    public static OutboundResponse passthroughFailed(String errorId) {
        return answer(500, "passthrough-failed", json("error", "passthrough_failed", "id", errorId));
    }

    /** Something broke in the proxy itself; the details are in the server log, never in the answer. */
    public static OutboundResponse internalError() {
        return answer(500, "internal-error", json("error", "internal_error"));
    }

    public static OutboundResponse connectNotSupported() {
        return answer(501, "connect-not-supported", json("error", "connect_not_supported",
                "message", "CONNECT opens a tunnel only as the first request on a new connection"));
    }

    public static OutboundResponse destinationUnreachable(Authority authority, String errorId) {
        return answer(502, "destination-unreachable", json("error", "destination_unreachable",
                "host", authority.host(), "port", (long) authority.port(), "id", errorId));
    }

    /**
     * The service behind a binding (Redis, S3) is down or too slow: the request may succeed later, and a
     * write answered this way was not done.
     */
    public static OutboundResponse bindingUnavailable(String message) {
        return answer(503, "binding-unavailable", json("error", "binding_unavailable", "message", message));
    }

    public static OutboundResponse handlerTimedOut(Duration limit) {
        return answer(504, "handler-timeout", json("error", "handler_timeout", "limitMillis", limit.toMillis()));
    }

    /** A JSON object with its keys in the order given, {@code error} first. */
    private static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    static OutboundResponse answer(int status, String kind, Map<String, Object> body) {
        return OutboundResponse.builder(status)
                .header("Content-Type", "application/json")
                .header(ERROR_HEADER, kind)
                .body(Json.write(body))
                .build();
    }
}
