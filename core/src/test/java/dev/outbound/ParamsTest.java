package dev.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outbound.json.JsonException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

  private final Params params =
      Params.parse(
          """
          {"repo": "outbound", "limit": 3, "ratio": 0.5, "on": true, "tags": ["a", "b"], "env": {"K": "V"}}
          """);

  @Test
  void typedGettersDecodeEachKind() {
    assertEquals("outbound", params.string("repo"));
    assertEquals(3, params.int32("limit"));
    assertEquals(3L, params.int64("limit"));
    assertEquals(0.5, params.float64("ratio"));
    assertEquals(3.0, params.float64("limit"));
    assertEquals(true, params.bool("on"));
    assertEquals(List.of("a", "b"), params.stringList("tags"));
    assertEquals(Map.of("K", "V"), params.stringMap("env"));
  }

  @Test
  void absentFieldsAreNullOrEmpty() {
    assertNull(params.string("missing"));
    assertNull(params.int32("missing"));
    assertEquals(List.of(), params.stringList("missing"));
    assertEquals(Map.of(), params.stringMap("missing"));
    JsonException required =
        assertThrows(
            JsonException.class, () -> params.require("missing", params.string("missing")));
    assertEquals("params.missing is required", required.getMessage());
  }

  @Test
  void wrongTypesNameTheField() {
    JsonException e = assertThrows(JsonException.class, () -> params.int32("repo"));
    assertEquals("params.repo must be an integer", e.getMessage());
    assertThrows(JsonException.class, () -> params.string("limit"));
    assertThrows(JsonException.class, () -> Params.parse("{\"big\": 3000000000}").int32("big"));
    assertThrows(JsonException.class, () -> Params.parse("[1]"));
  }
}
