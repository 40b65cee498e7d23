package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListOptionsTest {

  @Test
  void defaultsListEverythingThousandAtATime() {
    assertEquals(
        new ListOptions(Optional.empty(), Optional.empty(), Optional.empty(), 1000),
        ListOptions.defaults());
  }

  @Test
  void withersSetOneFieldEach() {
    ListOptions options =
        ListOptions.defaults()
            .withPrefix("photos/")
            .withDelimiter("/")
            .withCursor("c")
            .withLimit(5);
    assertEquals(
        new ListOptions(Optional.of("photos/"), Optional.of("/"), Optional.of("c"), 5), options);
  }

  @Test
  void limitOutsideOneToThousandIsRejected() {
    assertThrows(BindingLimitException.class, () -> ListOptions.defaults().withLimit(1001));
    assertThrows(BindingLimitException.class, () -> ListOptions.defaults().withLimit(0));
  }

  @Test
  void emptyDelimiterIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ListOptions.defaults().withDelimiter(""));
  }
}
