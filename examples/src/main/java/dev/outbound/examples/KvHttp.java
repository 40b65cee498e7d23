package dev.outbound.examples;

import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.binding.KvNamespace;

/**
 * Serves a KV namespace over HTTP: GET reads the path's key, PUT stores the body, DELETE removes
 * it.
 */
final class KvHttp {

  private final KvNamespace kv;

  KvHttp(KvNamespace kv) {
    this.kv = kv;
  }

  OutboundResponse serve(OutboundRequest request) {
    String key = request.pathKey();
    return switch (request.method()) {
      case "GET" ->
          kv.get(key)
              .map(value -> OutboundResponse.bytes(200, value, "application/octet-stream"))
              .orElseGet(OutboundResponse::notFound);
      case "PUT" -> {
        kv.put(key, request.bytes());
        yield OutboundResponse.empty(204);
      }
      case "DELETE" -> {
        kv.delete(key);
        yield OutboundResponse.empty(204);
      }
      default -> OutboundResponse.builder(405).header("Allow", "GET, PUT, DELETE").build();
    };
  }
}
