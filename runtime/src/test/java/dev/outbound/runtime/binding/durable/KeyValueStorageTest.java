package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.BindingLimitException;
import dev.outbound.binding.DurableObjectStorage;
import dev.outbound.binding.StorageLimits;
import dev.outbound.binding.StorageListOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyValueStorageTest {

  /** In UTF-8 byte order, which differs from Java's UTF-16 order for the last two. */
  private static final List<String> KEYS =
      List.of("", "a", "ab", "abc", "b", "ba", "c", "é", "\uFFFF", "😀");

  @TempDir Path directory;
  private SqliteDurableObjectNamespace<Scratch> namespace;
  private DurableObjectStorage storage;

  @BeforeEach
  void open() {
    namespace = Namespaces.scratch(directory);
    storage = namespace.get(namespace.idFromName("kv")).storage();
  }

  @AfterEach
  void close() {
    namespace.close();
  }

  @Test
  void putGetAndDelete() {
    assertEquals(Optional.empty(), storage.get("k"));
    storage.put("k", new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, storage.get("k").orElseThrow());

    storage.putText("k", "replaced");
    assertEquals(Optional.of("replaced"), storage.getText("k"));

    assertTrue(storage.delete("k"));
    assertFalse(storage.delete("k"));
    assertEquals(Optional.empty(), storage.get("k"));
  }

  @Test
  void batchCallsTakeManyKeys() {
    storage.put(Map.of("a", bytes("1"), "b", bytes("2"), "c", bytes("3")));

    Map<String, byte[]> found = storage.get(List.of("a", "c", "missing"));
    assertEquals(List.of("a", "c"), List.copyOf(found.keySet()));
    assertArrayEquals(bytes("3"), found.get("c"));

    assertEquals(2, storage.delete(List.of("a", "b", "missing")));
    assertEquals(List.of("c"), keys(StorageListOptions.all()));
  }

  @Test
  void listsInUtf8ByteOrderWithEveryOption() {
    KEYS.forEach(key -> storage.putText(key, "value of " + key));
    StorageListOptions all = StorageListOptions.all();

    assertEquals(KEYS, keys(all));
    assertEquals(List.of("ab", "abc", "b"), keys(all.withStart("ab").withEnd("ba")));
    assertEquals(List.of("a", "ab", "abc"), keys(all.withPrefix("a")));
    assertEquals(List.of("abc", "ab", "a"), keys(all.withPrefix("a").reversed()));
    assertEquals(List.of("ab", "abc"), keys(all.withPrefix("a").withStart("aa")));
    assertEquals(List.of("a"), keys(all.withPrefix("a").withEnd("aa")));
    assertEquals(List.of("", "a", "ab"), keys(all.withLimit(3)));
    assertEquals(List.of("😀", "\uFFFF"), keys(all.reversed().withLimit(2)));
    assertEquals(List.of("\uFFFF"), keys(all.withPrefix("\uFFFF")));
    assertEquals(List.of(), keys(all.withStart("c").withEnd("b")));
    assertEquals(
        "value of é",
        new String(storage.list(all.withPrefix("é")).get("é"), StandardCharsets.UTF_8));
  }

  @Test
  void listReturnsTheValues() {
    storage.putText("x", "1");
    storage.putText("y", "2");
    Map<String, String> listed = new LinkedHashMap<>();
    storage
        .list(StorageListOptions.all().reversed())
        .forEach((key, value) -> listed.put(key, new String(value, StandardCharsets.UTF_8)));
    assertEquals(List.of("y", "x"), List.copyOf(listed.keySet()));
    assertEquals("2", listed.get("y"));
  }

  @Test
  void enforcesTheLimits() {
    String key = "big";
    byte[] tooBig = new byte[StorageLimits.MAX_KEY_AND_VALUE_BYTES - key.length() + 1];
    BindingLimitException oversize =
        assertThrows(BindingLimitException.class, () -> storage.put(key, tooBig));
    assertTrue(oversize.getMessage().contains("2000000"), oversize.getMessage());
    assertEquals(Optional.empty(), storage.get(key));

    storage.put(key, new byte[StorageLimits.MAX_KEY_AND_VALUE_BYTES - key.length()]);
    assertEquals(
        StorageLimits.MAX_KEY_AND_VALUE_BYTES - key.length(),
        storage.get(key).orElseThrow().length);

    List<String> tooMany = IntStream.range(0, 129).mapToObj(i -> "k" + i).toList();
    assertThrows(BindingLimitException.class, () -> storage.get(tooMany));
    assertThrows(BindingLimitException.class, () -> storage.delete(tooMany));
    Map<String, byte[]> tooManyEntries = new HashMap<>();
    tooMany.forEach(k -> tooManyEntries.put(k, bytes(k)));
    assertThrows(BindingLimitException.class, () -> storage.put(tooManyEntries));
  }

  @Test
  void aBatchPutWithOneBadEntryWritesNothing() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("fine", bytes("1"));
    entries.put("huge", new byte[StorageLimits.MAX_KEY_AND_VALUE_BYTES]);
    assertThrows(BindingLimitException.class, () -> storage.put(entries));
    assertEquals(Optional.empty(), storage.get("fine"));
  }

  @Test
  void rejectsKeysUtf8CannotEncode() {
    assertThrows(IllegalArgumentException.class, () -> storage.putText("bad\uD800", "v"));
    assertThrows(IllegalArgumentException.class, () -> storage.get("bad\uD800"));
    assertThrows(
        IllegalArgumentException.class,
        () -> storage.list(StorageListOptions.all().withPrefix("\uDC00")));
  }

  private List<String> keys(StorageListOptions options) {
    return new ArrayList<>(storage.list(options).keySet());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
