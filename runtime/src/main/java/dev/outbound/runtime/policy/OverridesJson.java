package dev.outbound.runtime.policy;

import dev.outbound.Params;
import dev.outbound.json.Json;
import dev.outbound.json.JsonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of run-time overrides, in the admin API's words: {@code allowedHosts}, {@code
 * deniedHosts}, {@code outbound} and {@code outboundByHost}; an absent key is not set. Reading is
 * strict, so a mistyped key in a hand-edited file is an error rather than a lost setting.
 */
public final class OverridesJson {

  private static final Set<String> KEYS =
      Set.of("allowedHosts", "deniedHosts", "outbound", "outboundByHost");
  private static final Set<String> SELECTION_KEYS = Set.of("handler", "params");

  private OverridesJson() {}

  public static String write(InstanceOverrides overrides) {
    Map<String, Object> json = new LinkedHashMap<>();
    overrides.allowedHosts().ifPresent(hosts -> json.put("allowedHosts", hosts));
    overrides.deniedHosts().ifPresent(hosts -> json.put("deniedHosts", hosts));
    overrides.catchAll().ifPresent(selection -> json.put("outbound", selectionJson(selection)));
    if (!overrides.byHost().isEmpty()) {
      Map<String, Object> byHost = new LinkedHashMap<>();
      overrides
          .byHost()
          .forEach((pattern, selection) -> byHost.put(pattern, selectionJson(selection)));
      json.put("outboundByHost", byHost);
    }
    return Json.write(json);
  }

  /**
   * @throws IllegalArgumentException for malformed JSON, unknown keys, wrong types or bad patterns
   */
  public static InstanceOverrides read(String text) {
    Map<String, Object> json = Json.parseObject(text);
    checkKeys(json, KEYS, "overrides");
    Map<String, HandlerSelection> byHost = new LinkedHashMap<>();
    object(json.get("outboundByHost"), "outboundByHost")
        .forEach((pattern, selection) -> byHost.put(pattern, selection(selection)));
    return new InstanceOverrides(
        hostList(json, "allowedHosts"),
        hostList(json, "deniedHosts"),
        Optional.ofNullable(json.get("outbound")).map(OverridesJson::selection),
        byHost);
  }

  /** Reads {@code {"handler": "name", "params": {...}}}; params may be left out. */
  public static HandlerSelection selection(Object json) {
    Map<String, Object> fields = object(json, "handler selection");
    checkKeys(fields, SELECTION_KEYS, "handler selection");
    if (!(fields.get("handler") instanceof String handler) || handler.isEmpty()) {
      throw new JsonException(
          "handler selection needs \"handler\": the name of an @OutboundHandler");
    }
    return new HandlerSelection(handler, Params.of(object(fields.get("params"), "params")));
  }

  private static Map<String, Object> selectionJson(HandlerSelection selection) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("handler", selection.handler());
    json.put("params", selection.params().asMap());
    return json;
  }

  private static Optional<List<String>> hostList(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof List<?> list && list.stream().allMatch(item -> item instanceof String)) {
      return Optional.of(list.stream().map(String.class::cast).toList());
    }
    throw new JsonException(key + " must be an array of host patterns");
  }

  /** An object, or an empty one when absent. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new JsonException(what + " must be a JSON object");
  }

  private static void checkKeys(Map<String, Object> json, Set<String> known, String what) {
    for (String key : json.keySet()) {
      if (!known.contains(key)) {
        throw new JsonException(
            "unknown key \""
                + key
                + "\" in "
                + what
                + "; known: "
                + known.stream().sorted().toList());
      }
    }
  }
}
