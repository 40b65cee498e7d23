package dev.outbound.runtime.binding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.BindingLimitException;
import dev.outbound.binding.KvEntry;
import dev.outbound.binding.KvKey;
import dev.outbound.binding.KvListOptions;
import dev.outbound.binding.KvListResult;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.KvPutOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KvNamespace} backend must do (SPEC 3.1). A backend's test extends this class,
 * implements {@link #newNamespace} and adds what only that backend can show.
 */
public abstract class KvNamespaceContract {

  /** Far from the real time, so that a backend reading the system clock fails the expiry tests. */
  protected static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  private static final int MAX_VALUE_BYTES = 25 * 1024 * 1024;

  protected final ManualClock clock = new ManualClock(START);
  protected KvNamespace kv;

  /**
   * Returns a new, empty namespace that reads the time from {@code clock}. It is closed after the
   * test if it is {@link AutoCloseable}.
   */
  protected abstract KvNamespace newNamespace(Clock clock) throws Exception;

  @BeforeEach
  void createNamespace() throws Exception {
    kv = newNamespace(clock);
  }

  @AfterEach
  void closeNamespace() throws Exception {
    if (kv instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Test
  void putThenGetReturnsTheBytes() {
    byte[] binary = {0, (byte) 0xff, (byte) 0xc3, 10, 0};
    kv.put("binary", binary);
    kv.put("text", "héllo");

    assertArrayEquals(binary, kv.get("binary").orElseThrow());
    assertEquals(Optional.of("héllo"), kv.getText("text"));
    assertArrayEquals(new byte[0], putAndGet("empty", new byte[0]));
  }

  @Test
  void missingKeysAreEmpty() {
    assertTrue(kv.get("missing").isEmpty());
    assertTrue(kv.get("missing", Duration.ofMinutes(5)).isEmpty());
    assertTrue(kv.getWithMetadata("missing").isEmpty());
    assertEquals(Map.of(), kv.get(List.of("missing")));
  }

  @Test
  void putReplacesTheValueMetadataAndExpiration() {
    kv.put("k", bytes("one"), options().withMetadata("{\"v\":1}").expiringAfter(minutes(5)));
    assertEquals(Optional.of("one"), kv.getText("k"));

    kv.put("k", "two");

    assertEquals(Optional.of("two"), kv.getText("k"));
    assertEquals(
        new KvEntry(bytes("two"), Optional.empty()), kv.getWithMetadata("k").orElseThrow());
    assertEquals(List.of(new KvKey("k", Optional.empty(), Optional.empty())), kv.list().keys());
  }

  @Test
  void deleteRemovesTheKeyAndIsIdempotent() {
    kv.put("k", "v");
    assertEquals(Optional.of("v"), kv.getText("k"));

    kv.delete("k");
    assertTrue(kv.get("k").isEmpty());
    assertTrue(kv.getWithMetadata("k").isEmpty());
    assertTrue(kv.list().keys().isEmpty());

    kv.delete("k");
    kv.delete("never-written");
    assertTrue(kv.get("k").isEmpty());
  }

  @Test
  void metadataIsReturnedWithTheValueAndInLists() {
    String metadata = "{\"owner\":\"ünïcode\",\"n\":[1,2]}";
    kv.put("with", bytes("v"), options().withMetadata(metadata));
    kv.put("without", "v");

    assertEquals(
        new KvEntry(bytes("v"), Optional.of(metadata)), kv.getWithMetadata("with").orElseThrow());
    assertEquals(
        new KvEntry(bytes("v"), Optional.empty()), kv.getWithMetadata("without").orElseThrow());
    assertEquals(
        List.of(
            new KvKey("with", Optional.empty(), Optional.of(metadata)),
            new KvKey("without", Optional.empty(), Optional.empty())),
        kv.list().keys());
  }

  @Test
  void aKeyWithATimeToLiveIsNeverReturnedOnceItExpires() {
    kv.put("k", bytes("v"), options().expiringAfter(Duration.ofSeconds(60)));
    clock.advance(Duration.ofSeconds(59));

    assertEquals(Optional.of("v"), kv.getText("k"));
    assertEquals(
        List.of(new KvKey("k", Optional.of(START.plusSeconds(60)), Optional.empty())),
        kv.list().keys());

    clock.advance(Duration.ofSeconds(1));

    assertTrue(kv.get("k").isEmpty(), "a cached read must not outlive the expiration either");
    assertTrue(kv.get("k", Duration.ofHours(1)).isEmpty());
    assertTrue(kv.getWithMetadata("k").isEmpty());
    assertEquals(Map.of(), kv.get(List.of("k")));
    assertEquals(List.of(), kv.list().keys());
  }

  @Test
  void aKeyWithAnAbsoluteExpirationIsNeverReturnedFromThatInstant() {
    Instant expiration = START.plus(minutes(2));
    kv.put("k", bytes("v"), options().expiringAt(expiration));
    clock.advance(Duration.ofSeconds(119));

    assertEquals(
        List.of(new KvKey("k", Optional.of(expiration), Optional.empty())), kv.list().keys());
    assertEquals(Optional.of("v"), kv.getText("k"));

    clock.advance(Duration.ofSeconds(1));

    assertTrue(kv.get("k").isEmpty());
    assertTrue(kv.getWithMetadata("k").isEmpty());
    assertEquals(List.of(), kv.list().keys());
  }

  @Test
  void expirationsAreWholeSecondsNeverBeforeTheTimeAsked() {
    clock.advance(Duration.ofMillis(500));
    kv.put("k", bytes("v"), options().expiringAfter(minutes(1)));

    assertEquals(
        List.of(new KvKey("k", Optional.of(START.plusSeconds(61)), Optional.empty())),
        kv.list().keys());
    clock.advance(Duration.ofMillis(59_999));
    assertEquals(Optional.of("v"), kv.getText("k"));
    clock.advance(Duration.ofMillis(501));
    assertTrue(kv.get("k").isEmpty());
  }

  @Test
  void aKeyPutAgainWithoutExpirationNoLongerExpires() {
    kv.put("k", bytes("old"), options().expiringAfter(minutes(1)));
    kv.put("k", "new");
    clock.advance(Duration.ofDays(1));

    assertEquals(Optional.of("new"), kv.getText("k"));
  }

  @Test
  void expirationsLessThanSixtySecondsAheadAreRejected() {
    assertLimit("60", () -> options().expiringAfter(Duration.ofSeconds(59)));
    // The namespace's clock, not the system's, says what "ahead" means.
    assertLimit("60", () -> kv.put("k", bytes("v"), options().expiringAt(START.plusSeconds(59))));
    assertTrue(kv.get("k").isEmpty());

    kv.put("k", bytes("v"), options().expiringAt(START.plusSeconds(60)));
    assertEquals(Optional.of("v"), kv.getText("k"));
  }

  @Test
  void keysOutsideTheLimitsAreRejectedEverywhere() {
    String tooLong = "k".repeat(513);
    assertLimit("512", () -> kv.put(tooLong, "v"));
    assertLimit("512", () -> kv.get(tooLong));
    assertLimit("512", () -> kv.get(tooLong, minutes(5)));
    assertLimit("512", () -> kv.getWithMetadata(tooLong));
    assertLimit("512", () -> kv.get(List.of("ok", tooLong)));
    assertLimit("512", () -> kv.delete(tooLong));
    assertLimit("512", () -> kv.put("", "v"));
    assertThrows(BindingLimitException.class, () -> kv.put(".", "v"));
    assertThrows(BindingLimitException.class, () -> kv.put("..", "v"));
    assertThrows(IllegalArgumentException.class, () -> kv.put("unpaired \uD800", "v"));
    assertEquals(List.of(), kv.list().keys());
  }

  @Test
  void keysOfExactly512BytesAreAccepted() {
    String longest = "é".repeat(256);
    kv.put(longest, "v");

    assertEquals(Optional.of("v"), kv.getText(longest));
    assertEquals(longest, kv.list().keys().get(0).name());
  }

  @Test
  void valuesOver25MebibytesAreRejectedAndWriteNothing() {
    kv.put("k", "before");

    assertLimit(String.valueOf(MAX_VALUE_BYTES), () -> kv.put("k", new byte[MAX_VALUE_BYTES + 1]));

    assertEquals(Optional.of("before"), kv.getText("k"));
  }

  @Test
  void valuesOfExactly25MebibytesAreStored() {
    byte[] largest = new byte[MAX_VALUE_BYTES];
    largest[0] = 1;
    largest[MAX_VALUE_BYTES - 1] = 2;

    assertArrayEquals(largest, putAndGet("large", largest));
  }

  @Test
  void metadataOver1024BytesIsRejectedAndMetadataOf1024BytesStored() {
    assertLimit("1024", () -> options().withMetadata("\"" + "x".repeat(1023) + "\""));

    String largest = "\"" + "x".repeat(1022) + "\"";
    kv.put("k", bytes("v"), options().withMetadata(largest));
    assertEquals(Optional.of(largest), kv.getWithMetadata("k").orElseThrow().metadataJson());
  }

  @Test
  void cacheTtlsUnderSixtySecondsAreRejected() {
    assertLimit("60", () -> kv.get("k", Duration.ofSeconds(59)));
  }

  @Test
  void listLimitsOutside1To1000AreRejected() {
    assertLimit("1000", () -> KvListOptions.defaults().withLimit(1001));
    assertLimit("1000", () -> KvListOptions.defaults().withLimit(0));
  }

  @Test
  void getManyReturnsThePresentKeysAndRejectsMoreThan100() {
    kv.put("a", "1");
    kv.put("c", "3");

    Map<String, byte[]> found = kv.get(List.of("a", "b", "c"));

    assertEquals(Set.of("a", "c"), found.keySet());
    assertArrayEquals(bytes("1"), found.get("a"));
    assertArrayEquals(bytes("3"), found.get("c"));
    assertEquals(Map.of(), kv.get(List.of()));
    assertEquals(Map.of(), kv.get(keys(100)), "100 keys are allowed");
    assertLimit("100", () -> kv.get(keys(101)));
  }

  @Test
  void listIsInUtf8ByteOrder() {
    // UTF-16 order would put the emoji (a surrogate pair, 0xD83D...) before U+E000 and U+FFFD.
    List<String> byteOrder = List.of("A", "a", "z", "é", "\uE000", "\uFFFD", "😀");
    for (String key : byteOrder.reversed()) {
      kv.put(key, "v");
    }

    assertEquals(byteOrder, names(kv.list()));
  }

  @Test
  void prefixesMatchExactBytesNotPatterns() {
    for (String key : List.of("a%b", "axb", "a_c", "abc", "Abc", "a", "é1", "ê1", "é")) {
      kv.put(key, "v");
    }

    assertEquals(List.of("a%b"), names(kv.list(KvListOptions.defaults().withPrefix("a%"))));
    assertEquals(List.of("a_c"), names(kv.list(KvListOptions.defaults().withPrefix("a_"))));
    assertEquals(List.of("Abc"), names(kv.list(KvListOptions.defaults().withPrefix("A"))));
    assertEquals(
        List.of("a", "a%b", "a_c", "abc", "axb"),
        names(kv.list(KvListOptions.defaults().withPrefix("a"))));
    assertEquals(List.of("é", "é1"), names(kv.list(KvListOptions.defaults().withPrefix("é"))));
    assertEquals(List.of(), names(kv.list(KvListOptions.defaults().withPrefix("b"))));
    assertEquals(9, kv.list(KvListOptions.defaults().withPrefix("")).keys().size());
  }

  @Test
  void cursorsPageThroughEveryKeyOnce() {
    List<String> written = IntStream.range(0, 2500).mapToObj(i -> "key-%04d".formatted(i)).toList();
    written.forEach(key -> kv.put(key, "v"));

    KvListResult first = kv.list(KvListOptions.defaults());
    KvListResult second =
        kv.list(KvListOptions.defaults().withCursor(first.cursor().orElseThrow()));
    KvListResult third =
        kv.list(KvListOptions.defaults().withCursor(second.cursor().orElseThrow()));

    assertEquals(List.of(1000, 1000, 500), List.of(size(first), size(second), size(third)));
    assertFalse(first.listComplete());
    assertFalse(second.listComplete());
    assertTrue(third.listComplete());
    assertTrue(third.cursor().isEmpty());
    List<String> listed = new ArrayList<>(names(first));
    listed.addAll(names(second));
    listed.addAll(names(third));
    assertEquals(written, listed);
  }

  @Test
  void cursorsKeepToThePrefix() {
    for (String key : List.of("a0", "a1", "a2", "a3", "a4", "b0", "b1")) {
      kv.put(key, "v");
    }
    KvListOptions twoWithA = KvListOptions.defaults().withPrefix("a").withLimit(2);

    KvListResult first = kv.list(twoWithA);
    KvListResult second = kv.list(twoWithA.withCursor(first.cursor().orElseThrow()));
    KvListResult third = kv.list(twoWithA.withCursor(second.cursor().orElseThrow()));

    assertEquals(List.of("a0", "a1"), names(first));
    assertEquals(List.of("a2", "a3"), names(second));
    assertEquals(List.of("a4"), names(third));
    assertTrue(third.listComplete());
  }

  @Test
  void aPageThatTakesTheLastKeyIsComplete() {
    kv.put("a", "v");
    kv.put("b", "v");

    KvListResult page = kv.list(KvListOptions.defaults().withLimit(2));

    assertEquals(List.of("a", "b"), names(page));
    assertTrue(page.listComplete());
  }

  @Test
  void theCursorOfAnExhaustedListGivesAnEmptyCompletePage() {
    kv.put("a", "v");
    kv.put("b", "v");
    KvListResult first = kv.list(KvListOptions.defaults().withLimit(1));
    kv.delete("b");

    KvListResult rest = kv.list(KvListOptions.defaults().withCursor(first.cursor().orElseThrow()));

    assertEquals(List.of(), rest.keys());
    assertTrue(rest.listComplete());
    assertTrue(rest.cursor().isEmpty());
  }

  @Test
  void malformedCursorsAreRejected() {
    var malformed =
        assertThrows(
            IllegalArgumentException.class,
            () -> kv.list(KvListOptions.defaults().withCursor("not a cursor!")));
    assertTrue(malformed.getMessage().contains("cursor"), malformed.getMessage());
  }

  @Test
  void expiredKeysAreAbsentFromListsAndDoNotCutPagesShort() {
    kv.put("a", "v");
    kv.put("b", bytes("v"), options().expiringAfter(minutes(1)));
    kv.put("c", bytes("v"), options().expiringAfter(minutes(1)));
    kv.put("d", "v");
    clock.advance(minutes(1));

    KvListResult page = kv.list(KvListOptions.defaults().withLimit(2));

    assertEquals(List.of("a", "d"), names(page));
    assertTrue(page.listComplete());
  }

  @Test
  void concurrentWritersToOneKeyLeaveOneOfTheirValues() throws Exception {
    Set<String> values =
        IntStream.range(0, 200).mapToObj(i -> "value-" + i).collect(Collectors.toSet());
    List<Future<?>> writes = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String value : values) {
        writes.add(threads.submit(() -> kv.put("contended", value)));
      }
    }
    for (Future<?> write : writes) {
      write.get();
    }

    String stored = kv.getText("contended").orElseThrow();
    assertTrue(values.contains(stored), stored);
    assertEquals(Optional.of(stored), kv.getWithMetadata("contended").map(KvEntry::text));
  }

  private byte[] putAndGet(String key, byte[] value) {
    kv.put(key, value);
    return kv.get(key).orElseThrow();
  }

  private static void assertLimit(String limit, Runnable call) {
    var rejected = assertThrows(BindingLimitException.class, call::run);
    assertTrue(
        rejected.getMessage().contains(limit),
        "\"" + rejected.getMessage() + "\" should name the limit " + limit);
  }

  private static KvPutOptions options() {
    return KvPutOptions.none();
  }

  private static Duration minutes(int minutes) {
    return Duration.ofMinutes(minutes);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static List<String> keys(int count) {
    return IntStream.range(0, count).mapToObj(i -> "k" + i).toList();
  }

  private static List<String> names(KvListResult result) {
    return result.keys().stream().map(KvKey::name).toList();
  }

  private static int size(KvListResult result) {
    return result.keys().size();
  }
}
