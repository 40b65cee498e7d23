package dev.outbound;

import dev.outbound.json.Json;
import dev.outbound.json.JsonException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The JSON object a named handler was selected with, with typed getters that fail with a message
 * naming the field. Generated code decodes a handler's params record through it.
 */
public final class Params {

  private static final Params EMPTY = new Params(Map.of());

  private final Map<String, Object> values;

  private Params(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static Params empty() {
    return EMPTY;
  }

  public static Params of(Map<String, Object> values) {
    return values.isEmpty() ? EMPTY : new Params(values);
  }

  /** Parses a JSON object. */
  public static Params parse(String json) {
    return of(Json.parseObject(json));
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  /** A string field, or {@code null} when absent. */
  public String string(String name) {
    Object value = values.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(name, "a string");
  }

  /** A boolean field, or {@code null} when absent. */
  public Boolean bool(String name) {
    Object value = values.get(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw wrongType(name, "true or false");
  }

  /** An integer field, or {@code null} when absent. */
  public Long int64(String name) {
    Object value = values.get(name);
    if (value == null || value instanceof Long) {
      return (Long) value;
    }
    throw wrongType(name, "an integer");
  }

  /** An integer field in {@code int} range, or {@code null} when absent. */
  public Integer int32(String name) {
    Long value = int64(name);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw wrongType(name, "an integer in int range");
    }
    return value.intValue();
  }

  /** A number field, or {@code null} when absent. */
  public Double float64(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Long l) {
      return l.doubleValue();
    }
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    throw wrongType(name, "a number");
  }

  /** An array of strings, or an empty list when absent. */
  public List<String> stringList(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list && list.stream().allMatch(item -> item instanceof String)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw wrongType(name, "an array of strings");
  }

  /** An object of string values, or an empty map when absent. */
  public Map<String, String> stringMap(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map
        && map.values().stream().allMatch(item -> item instanceof String)) {
      @SuppressWarnings("unchecked")
      Map<String, String> strings = (Map<String, String>) map;
      return Collections.unmodifiableMap(strings);
    }
    throw wrongType(name, "an object of strings");
  }

  /** A field that must be present. */
  public <T> T require(String name, T value) {
    if (value == null) {
      throw new JsonException("params." + name + " is required");
    }
    return value;
  }

  public String toJson() {
    return Json.write(values);
  }

  @Override
  public String toString() {
    return toJson();
  }

  private static JsonException wrongType(String name, String expected) {
    return new JsonException("params." + name + " must be " + expected);
  }
}
