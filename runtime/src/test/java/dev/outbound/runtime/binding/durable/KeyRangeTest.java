package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.StorageListOptions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRangeTest {

  private static final String MAX = Character.toString(Character.MAX_CODE_POINT);

  @Test
  void theKeyAfterAPrefixRaisesItsLastCodePoint() {
    assertEquals(Optional.of("ac"), KeyRange.firstAfterAllStartingWith("ab"));
    assertEquals(Optional.of("a😁"), KeyRange.firstAfterAllStartingWith("a😀"));
    assertEquals(Optional.of("\uE000"), KeyRange.firstAfterAllStartingWith("\uD7FF"));
    assertEquals(Optional.of("b"), KeyRange.firstAfterAllStartingWith("a" + MAX + MAX));
    assertEquals(Optional.empty(), KeyRange.firstAfterAllStartingWith(MAX));
    assertEquals(Optional.empty(), KeyRange.firstAfterAllStartingWith(""));
  }

  @Test
  void aPrefixNarrowsStartAndEnd() {
    StorageListOptions all = StorageListOptions.all();
    assertEquals(
        new KeyRange(Optional.of("ab"), Optional.of("ac")),
        KeyRange.of(all.withPrefix("ab").withStart("a").withEnd("b")));
    assertEquals(
        new KeyRange(Optional.of("abc"), Optional.of("abd")),
        KeyRange.of(all.withPrefix("ab").withStart("abc").withEnd("abd")));
    assertEquals(
        new KeyRange(Optional.of(MAX), Optional.empty()), KeyRange.of(all.withPrefix(MAX)));
  }

  @Test
  void aRangeIsEmptyWhenItsBoundsCross() {
    StorageListOptions all = StorageListOptions.all();
    assertTrue(KeyRange.of(all.withStart("b").withEnd("a")).isEmpty());
    assertTrue(KeyRange.of(all.withStart("a").withEnd("a")).isEmpty());
    assertTrue(KeyRange.of(all.withPrefix("b").withEnd("a")).isEmpty());
    assertFalse(KeyRange.of(all.withStart("a")).isEmpty());
  }
}
