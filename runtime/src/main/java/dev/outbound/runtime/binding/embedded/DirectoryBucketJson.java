package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.ObjectInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a directory bucket writes object info and metadata as JSON maps for {@link
 * dev.outbound.json.Json}.
 */
final class DirectoryBucketJson {

  private DirectoryBucketJson() {}

  static Map<String, Object> objectInfo(ObjectInfo info) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", info.key());
    json.put("size", info.size());
    json.put("etag", info.etag());
    json.put("uploaded", info.uploaded().toString());
    json.put("httpMetadata", httpMetadata(info.httpMetadata()));
    json.put("customMetadata", info.customMetadata());
    return json;
  }

  static ObjectInfo objectInfo(Map<String, Object> json) {
    return new ObjectInfo(
        (String) json.get("key"),
        (Long) json.get("size"),
        (String) json.get("etag"),
        Instant.parse((String) json.get("uploaded")),
        httpMetadata(json.get("httpMetadata")),
        customMetadata(json.get("customMetadata")),
        Optional.empty());
  }

  static Map<String, Object> httpMetadata(HttpMetadata metadata) {
    Map<String, Object> json = new LinkedHashMap<>();
    metadata.contentType().ifPresent(value -> json.put("contentType", value));
    metadata.contentLanguage().ifPresent(value -> json.put("contentLanguage", value));
    metadata.contentDisposition().ifPresent(value -> json.put("contentDisposition", value));
    metadata.contentEncoding().ifPresent(value -> json.put("contentEncoding", value));
    metadata.cacheControl().ifPresent(value -> json.put("cacheControl", value));
    metadata.cacheExpiry().ifPresent(value -> json.put("cacheExpiry", value.toString()));
    return json;
  }

  @SuppressWarnings("unchecked")
  static HttpMetadata httpMetadata(Object json) {
    Map<String, Object> map = (Map<String, Object>) json;
    Function<String, Optional<String>> text = name -> Optional.ofNullable((String) map.get(name));
    return new HttpMetadata(
        text.apply("contentType"),
        text.apply("contentLanguage"),
        text.apply("contentDisposition"),
        text.apply("contentEncoding"),
        text.apply("cacheControl"),
        text.apply("cacheExpiry").map(Instant::parse));
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> customMetadata(Object json) {
    return (Map<String, String>) json;
  }
}
