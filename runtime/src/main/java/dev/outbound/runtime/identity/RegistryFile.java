package dev.outbound.runtime.identity;

import dev.outbound.json.Json;
import dev.outbound.json.JsonException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of {@code containers.json}:
 *
 * <pre>
 * {"containers":[{"id":…,"name":…,"class":…,"createdAt":"2026-03-26T10:15:30.123Z","tokenSha256":…}]}
 * </pre>
 */
final class RegistryFile {

  private RegistryFile() {}

  static String write(Collection<RegisteredContainer> containers) {
    List<Map<String, Object>> list = new ArrayList<>(containers.size());
    for (RegisteredContainer container : containers) {
      ContainerInstance instance = container.instance();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", instance.id());
      json.put("name", instance.name());
      json.put("class", instance.className());
      json.put("createdAt", instance.createdAt().toString());
      json.put("tokenSha256", HexFormat.of().formatHex(container.tokenHash()));
      list.add(json);
    }
    return Json.write(Map.of("containers", list));
  }

  /**
   * @throws IllegalArgumentException saying what is wrong
   */
  static List<RegisteredContainer> read(String text) {
    Object containers = Json.parseObject(text).get("containers");
    if (!(containers instanceof List<?> list)) {
      throw new JsonException("\"containers\" must be an array");
    }
    List<RegisteredContainer> result = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> json)) {
        throw new JsonException("each container must be an object");
      }
      String id = string(json, "id");
      if (!ContainerIds.isValid(id)) {
        throw new JsonException("not a container id: " + id);
      }
      ContainerInstance instance =
          new ContainerInstance(
              id, string(json, "name"), string(json, "class"), instant(string(json, "createdAt")));
      result.add(
          new RegisteredContainer(instance, HexFormat.of().parseHex(string(json, "tokenSha256"))));
    }
    return result;
  }

  private static String string(Map<?, ?> json, String key) {
    if (json.get(key) instanceof String value) {
      return value;
    }
    throw new JsonException("container field \"" + key + "\" must be a string");
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new JsonException("bad createdAt " + text);
    }
  }
}
