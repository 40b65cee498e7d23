package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectListTest {

  @Test
  void cursorIsPresentExactlyWhenTruncated() {
    assertDoesNotThrow(() -> new ObjectList(List.of(), List.of(), false, Optional.empty()));
    assertDoesNotThrow(() -> new ObjectList(List.of(), List.of("a/"), true, Optional.of("next")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ObjectList(List.of(), List.of(), true, Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ObjectList(List.of(), List.of(), false, Optional.of("next")));
  }
}
