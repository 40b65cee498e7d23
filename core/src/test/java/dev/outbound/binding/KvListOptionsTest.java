package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KvListOptionsTest {

  @Test
  void defaultsListEverythingThousandAtATime() {
    assertEquals(
        new KvListOptions(Optional.empty(), 1000, Optional.empty()), KvListOptions.defaults());
  }

  @Test
  void withersSetOneFieldEach() {
    KvListOptions options =
        KvListOptions.defaults().withPrefix("user:").withLimit(10).withCursor("c1");
    assertEquals(new KvListOptions(Optional.of("user:"), 10, Optional.of("c1")), options);
  }

  @Test
  void limitOutsideOneToThousandIsRejected() {
    assertThrows(BindingLimitException.class, () -> KvListOptions.defaults().withLimit(1001));
    assertThrows(BindingLimitException.class, () -> KvListOptions.defaults().withLimit(0));
  }
}
