package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UploadedPartTest {

  @Test
  void partNumbersAreOneTo10000() {
    assertDoesNotThrow(() -> new UploadedPart(1, "etag"));
    assertDoesNotThrow(() -> new UploadedPart(10_000, "etag"));
    assertThrows(BindingLimitException.class, () -> new UploadedPart(0, "etag"));
    assertThrows(BindingLimitException.class, () -> new UploadedPart(10_001, "etag"));
  }
}
