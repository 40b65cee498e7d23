package dev.outbound.examples;

import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.binding.ByteRange;
import dev.outbound.binding.Conditions;
import dev.outbound.binding.GetOptions;
import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.PutOptions;
import dev.outbound.binding.ResolvedRange;
import dev.outbound.binding.StoredObject;
import java.io.InputStream;
import java.util.Optional;

/**
 * Serves an object bucket over HTTP: GET with Range and If-None-Match/If-Match, PUT that keeps the
 * Content-Type, DELETE.
 */
final class BucketHttp {

  private final ObjectBucket bucket;

  BucketHttp(ObjectBucket bucket) {
    this.bucket = bucket;
  }

  OutboundResponse serve(OutboundRequest request) {
    String key = request.pathKey();
    return switch (request.method()) {
      case "GET", "HEAD" -> get(key, request);
      case "PUT" -> put(key, request);
      case "DELETE" -> {
        bucket.delete(key);
        yield OutboundResponse.empty(204);
      }
      default -> OutboundResponse.builder(405).header("Allow", "GET, HEAD, PUT, DELETE").build();
    };
  }

  private OutboundResponse get(String key, OutboundRequest request) {
    Conditions conditions =
        Conditions.fromHttpHeaders(
            request.header("If-Match"),
            request.header("If-None-Match"),
            request.header("If-Modified-Since"),
            request.header("If-Unmodified-Since"));
    Optional<ByteRange> range =
        Optional.ofNullable(request.header("Range")).flatMap(ByteRange::parseHttpRange);
    Optional<StoredObject> found = bucket.get(key, new GetOptions(range, conditions));
    if (found.isEmpty()) {
      return OutboundResponse.notFound();
    }
    StoredObject object = found.get();
    ObjectInfo info = object.info();
    Optional<InputStream> body = object.body();
    if (body.isEmpty()) {
      int status =
          request.header("If-None-Match") != null || request.header("If-Modified-Since") != null
              ? 304
              : 412;
      return withObjectHeaders(OutboundResponse.builder(status), info).build();
    }
    OutboundResponse.Builder response =
        withObjectHeaders(OutboundResponse.builder(info.range().isPresent() ? 206 : 200), info);
    long length = info.size();
    if (info.range().isPresent()) {
      ResolvedRange served = info.range().get();
      length = served.length();
      response.header("Content-Range", served.contentRange(info.size()));
    }
    if (request.method().equals("HEAD")) {
      object.close();
      return response.header("Content-Length", Long.toString(length)).build();
    }
    return response.body(body.get(), length).build();
  }

  private OutboundResponse put(String key, OutboundRequest request) {
    String contentType = request.header("Content-Type");
    HttpMetadata metadata =
        contentType == null
            ? HttpMetadata.empty()
            : HttpMetadata.empty().withContentType(contentType);
    Conditions conditions =
        Conditions.fromHttpHeaders(
            request.header("If-Match"), request.header("If-None-Match"), null, null);
    Optional<ObjectInfo> stored =
        bucket.put(
            key,
            request.body(),
            PutOptions.none().withHttpMetadata(metadata).withOnlyIf(conditions));
    return stored
        .map(info -> OutboundResponse.builder(201).header("ETag", info.httpEtag()).build())
        .orElseGet(() -> OutboundResponse.empty(412));
  }

  private static OutboundResponse.Builder withObjectHeaders(
      OutboundResponse.Builder response, ObjectInfo info) {
    response.header("ETag", info.httpEtag()).header("Accept-Ranges", "bytes");
    info.httpMetadata().contentType().ifPresent(type -> response.header("Content-Type", type));
    return response;
  }
}
