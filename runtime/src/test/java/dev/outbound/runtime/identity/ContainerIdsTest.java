package dev.outbound.runtime.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContainerIdsTest {

  @Test
  void acceptsOnlySixtyFourLowercaseHexCharacters() {
    assertTrue(ContainerIds.isValid("0123456789abcdef".repeat(4)));
    for (String invalid :
        Arrays.asList(
            null,
            "",
            "0".repeat(63),
            "0".repeat(65),
            "A".repeat(64),
            "g".repeat(64),
            "../" + "0".repeat(61),
            "0".repeat(63) + "/")) {
      assertFalse(ContainerIds.isValid(invalid), String.valueOf(invalid));
    }
  }
}
