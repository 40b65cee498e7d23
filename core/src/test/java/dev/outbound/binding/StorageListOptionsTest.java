package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StorageListOptionsTest {

  @Test
  void allListsEverythingInAscendingOrder() {
    assertEquals(
        new StorageListOptions(
            Optional.empty(), Optional.empty(), Optional.empty(), false, OptionalInt.empty()),
        StorageListOptions.all());
  }

  @Test
  void withersSetOneFieldEach() {
    StorageListOptions options =
        StorageListOptions.all()
            .withStart("a")
            .withEnd("m")
            .withPrefix("b")
            .reversed()
            .withLimit(3);
    assertEquals(
        new StorageListOptions(
            Optional.of("a"), Optional.of("m"), Optional.of("b"), true, OptionalInt.of(3)),
        options);
  }

  @Test
  void limitUnderOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> StorageListOptions.all().withLimit(0));
  }
}
