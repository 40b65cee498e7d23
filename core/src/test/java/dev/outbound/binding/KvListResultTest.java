package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KvListResultTest {

  @Test
  void cursorIsPresentExactlyWhenTheListIsIncomplete() {
    assertDoesNotThrow(() -> new KvListResult(List.of(), true, Optional.empty()));
    assertDoesNotThrow(() -> new KvListResult(List.of(), false, Optional.of("next")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new KvListResult(List.of(), true, Optional.of("next")));
    assertThrows(
        IllegalArgumentException.class, () -> new KvListResult(List.of(), false, Optional.empty()));
  }

  @Test
  void keysAreCopied() {
    List<KvKey> keys = new ArrayList<>();
    KvListResult result = new KvListResult(keys, true, Optional.empty());
    keys.add(new KvKey("late", Optional.empty(), Optional.empty()));
    assertThrows(UnsupportedOperationException.class, () -> result.keys().add(keys.get(0)));
    assertEquals(List.of(), result.keys());
  }
}
