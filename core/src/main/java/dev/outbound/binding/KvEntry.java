package dev.outbound.binding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A KV value with its metadata JSON; equal when value bytes and metadata are equal. The array is
 * not copied.
 */
public record KvEntry(byte[] value, Optional<String> metadataJson) {

  /** Requires both components. */
  public KvEntry {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(metadataJson, "metadataJson");
  }

  /** Returns the value decoded as UTF-8. */
  public String text() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KvEntry entry
        && Arrays.equals(value, entry.value)
        && metadataJson.equals(entry.metadataJson);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(value) + metadataJson.hashCode();
  }

  @Override
  public String toString() {
    return "KvEntry[value=" + value.length + " bytes, metadataJson=" + metadataJson + "]";
  }
}
