package dev.outbound.runtime.testing;

import dev.outbound.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP response as read off a socket. */
public record RawResponse(int status, Map<String, List<String>> headers, String body) {

  /** The first value of a header (names compared case-insensitively), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null ? null : values.get(0);
  }

  public Map<String, Object> json() {
    return Json.parseObject(body);
  }
}
