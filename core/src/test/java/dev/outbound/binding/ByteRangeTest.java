package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outbound.binding.ByteRange.Offset;
import dev.outbound.binding.ByteRange.Suffix;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

  @Test
  void offsetWithLengthInsideTheObjectIsServedAsIs() {
    assertEquals(new ResolvedRange(0, 100), new Offset(0, 100).resolve(1000));
    assertEquals(new ResolvedRange(10, 1), new Offset(10, 1).resolve(11));
  }

  @Test
  void offsetWithoutLengthRunsToTheEnd() {
    assertEquals(new ResolvedRange(100, 900), new Offset(100).resolve(1000));
    assertEquals(new ResolvedRange(999, 1), new Offset(999).resolve(1000));
  }

  @Test
  void lengthPastTheEndIsClamped() {
    assertEquals(new ResolvedRange(900, 100), new Offset(900, 500).resolve(1000));
    assertEquals(new ResolvedRange(0, 1000), new Offset(0, Long.MAX_VALUE).resolve(1000));
  }

  @Test
  void offsetAtOrAfterTheEndIsNotSatisfiable() {
    var atEnd =
        assertThrows(RangeNotSatisfiableException.class, () -> new Offset(1000).resolve(1000));
    assertEquals(1000, atEnd.objectSize());
    assertThrows(RangeNotSatisfiableException.class, () -> new Offset(5000, 10).resolve(1000));
  }

  @Test
  void zeroLengthIsNotSatisfiable() {
    assertThrows(RangeNotSatisfiableException.class, () -> new Offset(0, 0).resolve(1000));
    assertThrows(RangeNotSatisfiableException.class, () -> new Suffix(0).resolve(1000));
  }

  @Test
  void suffixSelectsTheLastBytes() {
    assertEquals(new ResolvedRange(950, 50), new Suffix(50).resolve(1000));
    assertEquals(new ResolvedRange(0, 1000), new Suffix(1000).resolve(1000));
  }

  @Test
  void suffixLongerThanTheObjectSelectsAllOfIt() {
    assertEquals(new ResolvedRange(0, 10), new Suffix(50).resolve(10));
  }

  @Test
  void noRangeOfAnEmptyObjectIsSatisfiable() {
    assertThrows(RangeNotSatisfiableException.class, () -> new Offset(0).resolve(0));
    assertThrows(RangeNotSatisfiableException.class, () -> new Suffix(10).resolve(0));
  }

  @Test
  void unsatisfiableRangesAreBindingLimitExceptions() {
    assertThrows(BindingLimitException.class, () -> new Offset(10).resolve(5));
  }

  @Test
  void negativeOffsetsAndLengthsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Offset(-1));
    assertThrows(IllegalArgumentException.class, () -> new Offset(0, -1));
    assertThrows(IllegalArgumentException.class, () -> new Suffix(-1));
  }

  @Test
  void parsesFirstAndLastPositions() {
    assertEquals(Optional.of(new Offset(0, 100)), ByteRange.parseHttpRange("bytes=0-99"));
    assertEquals(Optional.of(new Offset(5, 1)), ByteRange.parseHttpRange("bytes=5-5"));
  }

  @Test
  void parsesOpenEndedRanges() {
    assertEquals(Optional.of(new Offset(100)), ByteRange.parseHttpRange("bytes=100-"));
  }

  @Test
  void parsesSuffixRanges() {
    assertEquals(Optional.of(new Suffix(50)), ByteRange.parseHttpRange("bytes=-50"));
    assertEquals(Optional.of(new Suffix(0)), ByteRange.parseHttpRange("bytes=-0"));
  }

  @Test
  void unitIsCaseInsensitiveAndOuterWhitespaceIsIgnored() {
    assertEquals(Optional.of(new Offset(0, 10)), ByteRange.parseHttpRange(" Bytes = 0-9 "));
  }

  @Test
  void hugeLastPositionSaturatesAndIsClampedOnResolve() {
    Optional<ByteRange> range = ByteRange.parseHttpRange("bytes=0-99999999999999999999999");
    assertEquals(Optional.of(new Offset(0, Long.MAX_VALUE)), range);
    assertEquals(new ResolvedRange(0, 10), range.orElseThrow().resolve(10));
  }

  @Test
  void hugeFirstPositionParsesButIsNotSatisfiable() {
    ByteRange range = ByteRange.parseHttpRange("bytes=99999999999999999999999-").orElseThrow();
    assertThrows(RangeNotSatisfiableException.class, () -> range.resolve(10));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "bytes",
        "bytes=",
        "bytes=-",
        "bytes=5",
        "bytes=9-5",
        "bytes=a-b",
        "bytes=1-b",
        "bytes=a-",
        "bytes=+1-2",
        "bytes=-+5",
        "bytes=1 -2",
        "bytes=0x1-2",
        "bytes=-5-6",
        "items=0-9",
        "0-9",
        "bytes=0-99,200-299",
        "bytes=0-0,-1",
        "bytes=0-99,",
        "bytes=١-٢"
      })
  void malformedOrMultipleRangesMeanTheWholeObject(String header) {
    assertEquals(Optional.empty(), ByteRange.parseHttpRange(header));
  }
}
