package dev.outbound.runtime.admin;

import dev.outbound.Params;
import dev.outbound.json.Json;
import dev.outbound.json.JsonException;
import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.log.EgressRecord;
import dev.outbound.runtime.policy.HandlerSelection;
import dev.outbound.runtime.policy.InstanceOverrides;
import dev.outbound.runtime.server.Admin;
import dev.outbound.runtime.server.AdminException;
import dev.outbound.runtime.server.CreatedContainer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin HTTP API (SPEC §4.8), mounted at {@code /v1}: JSON over {@code /v1/containers}, and the CA
 * certificate as PEM at {@code /v1/ca}, for a bearer of the admin token.
 * Every operation is {@link Admin}'s; this class only maps HTTP to it.
 */
public final class AdminService implements HttpService {

    private static final int MAX_BODY = 1024 * 1024;

    private final Admin admin;
    private final AdminToken token;

    public AdminService(Admin admin, AdminToken token) {
        this.admin = admin;
        this.token = token;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(this::authorize)
                .post("/containers", this::create)
                .get("/ca", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, "application/x-pem-file")
                        .send(admin.caCertPem().getBytes(StandardCharsets.US_ASCII)))
                .get("/containers", (req, res) -> send(res, 200, Map.of("containers",
                        admin.list().stream().map(AdminService::instanceJson).toList())))
                .get("/containers/{id}", (req, res) -> send(res, 200, details(id(req))))
                .delete("/containers/{id}", (req, res) -> {
                    admin.delete(id(req));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .put("/containers/{id}/allowed-hosts", (req, res) -> {
                    admin.setAllowedHosts(id(req), patterns(req));
                    send(res, 200, details(id(req)));
                })
                .delete("/containers/{id}/allowed-hosts", (req, res) -> {
                    admin.clearAllowedHosts(id(req));
                    send(res, 200, details(id(req)));
                })
                .put("/containers/{id}/denied-hosts", (req, res) -> {
                    admin.setDeniedHosts(id(req), patterns(req));
                    send(res, 200, details(id(req)));
                })
                .delete("/containers/{id}/denied-hosts", (req, res) -> {
                    admin.clearDeniedHosts(id(req));
                    send(res, 200, details(id(req)));
                })
                .put("/containers/{id}/outbound", (req, res) -> {
                    admin.setOutbound(id(req), selection(req));
                    send(res, 200, details(id(req)));
                })
                .delete("/containers/{id}/outbound", (req, res) -> {
                    admin.clearOutbound(id(req));
                    send(res, 200, details(id(req)));
                })
                .put("/containers/{id}/outbound-by-host/{+pattern}", (req, res) -> {
                    admin.setOutboundForHost(id(req), pattern(req), selection(req));
                    send(res, 200, details(id(req)));
                })
                .delete("/containers/{id}/outbound-by-host/{+pattern}", (req, res) -> {
                    admin.clearOutboundForHost(id(req), pattern(req));
                    send(res, 200, details(id(req)));
                })
                .get("/containers/{id}/egress", this::egress)
                .any((req, res) -> error(res, 404, "not_found", "no such admin endpoint: "
                        + req.prologue().method().text() + " " + req.prologue().uriPath().rawPath()));
    }

    /** Mounts the API at {@code /v1} and answers refused operations with their status. */
    public HttpRouting.Builder mount(HttpRouting.Builder routing) {
        return routing.register("/v1", this)
                .error(AdminException.class, (req, res, e) -> error(res, e.kind().status(), switch (e.kind()) {
                    case INVALID -> "invalid_request";
                    case NOT_FOUND -> "not_found";
                    case CONFLICT -> "conflict";
                }, e.getMessage()));
    }

    private void authorize(ServerRequest req, ServerResponse res) {
        if (token.accepts(req.headers().first(HeaderNames.AUTHORIZATION).orElse(null))) {
            res.next();
            return;
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"outbound-admin\"");
        error(res, 401, "unauthorized", "send Authorization: Bearer <the token in admin.token of the data directory>");
    }

    private void create(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = object(req);
        String className = text(body, "class", true);
        String name = text(body, "name", false);
        CreatedContainer created = admin.create(className, name);
        Map<String, Object> json = instanceJson(created.instance());
        json.put("proxyUrl", created.proxyUrl());
        json.put("token", created.token());
        json.put("caCertPem", created.caCertPem());
        send(res, 201, json);
    }

    private void egress(ServerRequest req, ServerResponse res) {
        String limitText = req.query().first("limit").orElse("100");
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            throw new AdminException(AdminException.Kind.INVALID, "limit must be a number, was " + limitText);
        }
        List<EgressRecord> records = admin.egress(id(req), limit);
        // Records write their own JSON, so the list is joined rather than re-encoded.
        String json = "{\"records\":[" + records.stream().map(EgressRecord::toJson).collect(Collectors.joining(",")) + "]}";
        res.status(200).header(HeaderNames.CONTENT_TYPE, "application/json").send(json.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> details(String id) {
        Map<String, Object> json = instanceJson(admin.get(id));
        json.put("overrides", overridesJson(admin.overrides(id)));
        return json;
    }

    static Map<String, Object> instanceJson(ContainerInstance instance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", instance.id());
        json.put("name", instance.name());
        json.put("class", instance.className());
        json.put("createdAt", instance.createdAt().toString());
        return json;
    }

    private static Map<String, Object> overridesJson(InstanceOverrides overrides) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("allowedHosts", overrides.allowedHosts().orElse(null));
        json.put("deniedHosts", overrides.deniedHosts().orElse(null));
        json.put("outbound", overrides.catchAll().map(AdminService::selectionJson).orElse(null));
        Map<String, Object> byHost = new LinkedHashMap<>();
        overrides.byHost().forEach((pattern, selection) -> byHost.put(pattern, selectionJson(selection)));
        json.put("outboundByHost", byHost);
        return json;
    }

    private static Map<String, Object> selectionJson(HandlerSelection selection) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("handler", selection.handler());
        json.put("params", selection.params().asMap());
        return json;
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }

    private static String pattern(ServerRequest req) {
        return req.path().pathParameters().get("pattern");
    }

    private static List<String> patterns(ServerRequest req) {
        Object value = parse(req);
        if (value instanceof List<?> list && list.stream().allMatch(item -> item instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new AdminException(AdminException.Kind.INVALID, "expected a JSON array of host patterns");
    }

    private static HandlerSelection selection(ServerRequest req) {
        Map<String, Object> body = object(req);
        String handler = text(body, "handler", true);
        Object params = body.get("params");
        if (params != null && !(params instanceof Map)) {
            throw new AdminException(AdminException.Kind.INVALID, "params must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> paramsMap = params == null ? Map.of() : (Map<String, Object>) params;
        return new HandlerSelection(handler, Params.of(paramsMap));
    }

    private static Map<String, Object> object(ServerRequest req) {
        if (parse(req) instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return object;
        }
        throw new AdminException(AdminException.Kind.INVALID, "expected a JSON object");
    }

    private static Object parse(ServerRequest req) {
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the admin request failed", e);
        }
        if (body.length > MAX_BODY) {
            throw new AdminException(AdminException.Kind.INVALID, "request body over " + MAX_BODY + " bytes");
        }
        try {
            return Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new AdminException(AdminException.Kind.INVALID, "invalid JSON: " + e.getMessage());
        }
    }

    private static String text(Map<String, Object> body, String field, boolean required) {
        Object value = body.get(field);
        if (value == null && !required) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new AdminException(AdminException.Kind.INVALID, "\"" + field + "\" must be a string"
                + (required ? " and is required" : ""));
    }

    private static void send(ServerResponse res, int status, Map<String, Object> body) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void error(ServerResponse res, int status, String code, String message) {
        send(res, status, Map.of("error", code, "message", message));
    }
}
