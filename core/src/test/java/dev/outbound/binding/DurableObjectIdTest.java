package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurableObjectIdTest {

  private static final String HEX = "0123456789abcdef".repeat(4);

  @Test
  void toStringIsTheHexThatParseReads() {
    DurableObjectId id = DurableObjectId.parse(HEX);
    assertEquals(HEX, id.toString());
    assertEquals(id, DurableObjectId.parse(id.toString()));
  }

  @Test
  void parsedIdsHaveNoName() {
    assertEquals(Optional.empty(), DurableObjectId.parse(HEX).name());
  }

  @Test
  void nameIsKeptButDoesNotAffectEquality() {
    DurableObjectId named = DurableObjectId.parse(HEX).withName("room-1");
    assertEquals(Optional.of("room-1"), named.name());
    assertEquals(DurableObjectId.parse(HEX), named);
    assertEquals(DurableObjectId.parse(HEX).hashCode(), named.hashCode());
    assertEquals(HEX, named.toString());
  }

  @Test
  void differentHexIsADifferentId() {
    assertNotEquals(DurableObjectId.parse(HEX), DurableObjectId.parse("f".repeat(64)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
        "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        " 123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
      })
  void malformedIdsAreRejected(String hex) {
    assertThrows(IllegalArgumentException.class, () -> DurableObjectId.parse(hex));
  }
}
