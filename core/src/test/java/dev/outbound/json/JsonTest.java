package dev.outbound.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void parsesEveryKindOfValue() {
    Object value =
        Json.parse(
            " {\"s\":\"a\\\"b\\u00e9\\n"
                + "\",\"i\":-12,\"d\":1.5e2,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[]],\"o\":{}}"
                + " ");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "a\"bé\n");
    expected.put("i", -12L);
    expected.put("d", new BigDecimal("1.5e2"));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("n", null);
    expected.put("a", List.of(1L, List.of()));
    expected.put("o", Map.of());
    assertEquals(expected, value);
  }

  @Test
  void writesWhatItReads() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("host", "my.kv");
    value.put("quote\"", "line\nbreak\u0001");
    value.put("port", 80);
    value.put("list", List.of(true, "x"));
    value.put("none", null);

    String json = Json.write(value);

    assertEquals(
        "{\"host\":\"my.kv\",\"quote\\\"\":\"line\\n"
            + "break\\u0001\",\"port\":80,\"list\":[true,\"x\"],\"none\":null}",
        json);
    assertEquals(Json.parse(json), Json.parse(Json.write(Json.parse(json))));
  }

  @Test
  void largeIntegersStayExact() {
    assertEquals(
        new BigDecimal("123456789012345678901234567890"),
        Json.parse("123456789012345678901234567890"));
    assertEquals(Long.MAX_VALUE, Json.parse(Long.toString(Long.MAX_VALUE)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "{'a':1}",
        "01",
        "1.",
        "-",
        "tru",
        "\"\\x\"",
        "{\"a\":1}x",
        "{\"a\":1,\"a\":2}",
        "\"\u0001\"",
        "NaN"
      })
  void rejectsMalformedJson(String text) {
    assertThrows(JsonException.class, () -> Json.parse(text));
  }

  @Test
  void rejectsDeepNesting() {
    assertThrows(JsonException.class, () -> Json.parse("[".repeat(100) + "]".repeat(100)));
  }
}
