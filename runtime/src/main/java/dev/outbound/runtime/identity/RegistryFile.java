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
 * The JSON forms of the registry's files. The snapshot, {@code containers.json}:
 *
 * <pre>
 * {"containers":[{"id":…,"name":…,"class":…,"createdAt":"2026-03-26T10:15:30.123Z","tokenSha256":…}],"journalSequence":41}
 * </pre>
 *
 * where {@code journalSequence} is the last journal change the snapshot includes (0 when absent, as
 * in files written before there was a journal). Each line of the journal, {@code
 * containers.journal}, is one change:
 *
 * <pre>
 * {"sequence":42,"registered":{"id":…,"name":…,"class":…,"createdAt":…,"tokenSha256":…}}
 * {"sequence":43,"deleted":"…id…"}
 * </pre>
 */
final class RegistryFile {

  /** The snapshot's content. */
  record Snapshot(List<RegisteredContainer> containers, long journalSequence) {}

  private RegistryFile() {}

  static String writeSnapshot(Collection<RegisteredContainer> containers, long journalSequence) {
    List<Map<String, Object>> list = new ArrayList<>(containers.size());
    for (RegisteredContainer container : containers) {
      list.add(toJson(container));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("containers", list);
    json.put("journalSequence", journalSequence);
    return Json.write(json);
  }

  /**
   * @throws IllegalArgumentException saying what is wrong
   */
  static Snapshot readSnapshot(String text) {
    Map<String, Object> json = Json.parseObject(text);
    if (!(json.get("containers") instanceof List<?> list)) {
      throw new JsonException("\"containers\" must be an array");
    }
    List<RegisteredContainer> containers = new ArrayList<>(list.size());
    for (Object item : list) {
      containers.add(container(item));
    }
    Object sequence = json.getOrDefault("journalSequence", 0L);
    return new Snapshot(containers, sequence(sequence));
  }

  /** One journal line, without its line break. */
  static String writeChange(RegistryChange change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sequence", change.sequence());
    switch (change) {
      case RegistryChange.Registered registered ->
          json.put("registered", toJson(registered.entry()));
      case RegistryChange.Deleted deleted -> json.put("deleted", deleted.id());
    }
    return Json.write(json);
  }

  /**
   * @throws IllegalArgumentException saying what is wrong
   */
  static RegistryChange readChange(String line) {
    Map<String, Object> json = Json.parseObject(line);
    long sequence = sequence(json.get("sequence"));
    if (json.containsKey("registered")) {
      return new RegistryChange.Registered(sequence, container(json.get("registered")));
    }
    if (json.get("deleted") instanceof String id && ContainerIds.isValid(id)) {
      return new RegistryChange.Deleted(sequence, id);
    }
    throw new JsonException("a change must be \"registered\" or \"deleted\" with a container id");
  }

  private static Map<String, Object> toJson(RegisteredContainer container) {
    ContainerInstance instance = container.instance();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", instance.id());
    json.put("name", instance.name());
    json.put("class", instance.className());
    json.put("createdAt", instance.createdAt().toString());
    json.put("tokenSha256", HexFormat.of().formatHex(container.tokenHash()));
    return json;
  }

  private static RegisteredContainer container(Object item) {
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
    return new RegisteredContainer(instance, HexFormat.of().parseHex(string(json, "tokenSha256")));
  }

  private static long sequence(Object value) {
    if (value instanceof Long sequence && sequence >= 0) {
      return sequence;
    }
    throw new JsonException("a journal sequence must be a whole number ≥ 0, not " + value);
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
