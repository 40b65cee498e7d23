package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KvEntryTest {

  @Test
  void textDecodesUtf8() {
    assertEquals(
        "héllo 😀",
        new KvEntry("héllo 😀".getBytes(StandardCharsets.UTF_8), Optional.empty()).text());
  }

  @Test
  void equalityComparesValueBytes() {
    KvEntry a = new KvEntry(new byte[] {1, 2}, Optional.of("{}"));
    KvEntry b = new KvEntry(new byte[] {1, 2}, Optional.of("{}"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new KvEntry(new byte[] {1, 3}, Optional.of("{}")));
    assertNotEquals(a, new KvEntry(new byte[] {1, 2}, Optional.empty()));
  }

  @Test
  void toStringGivesTheSizeNotTheBytes() {
    assertEquals(
        "KvEntry[value=3 bytes, metadataJson=Optional.empty]",
        new KvEntry(new byte[] {7, 7, 7}, Optional.empty()).toString());
  }
}
