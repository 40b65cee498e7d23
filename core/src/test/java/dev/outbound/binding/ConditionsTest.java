package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionsTest {

  private static final Instant UPLOADED = Instant.parse("2026-03-26T10:00:00.500Z");
  private static final ObjectInfo OBJECT =
      new ObjectInfo("k", 3, "abc123", UPLOADED, HttpMetadata.empty(), Map.of(), Optional.empty());

  @Test
  void noneAlwaysPasses() {
    assertTrue(Conditions.none().test(OBJECT));
    assertTrue(Conditions.none().testMissing());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc123",
        "\"abc123\"",
        "\"other\", \"abc123\"",
        "other,abc123",
        "*",
        " \"abc123\" "
      })
  void etagMatchesPassesForTheObjectsEtag(String ifMatch) {
    assertTrue(Conditions.none().withEtagMatches(ifMatch).test(OBJECT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"other", "\"abc12\"", "\"abc123x\"", "W/\"abc123\"", "\"*\"", "\"a,b\""})
  void etagMatchesFailsForOtherOrWeakEtags(String ifMatch) {
    assertFalse(Conditions.none().withEtagMatches(ifMatch).test(OBJECT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc123", "\"abc123\"", "W/\"abc123\"", "\"x\", W/\"abc123\"", "*"})
  void etagDoesNotMatchFailsForTheObjectsEtagWeakOrStrong(String ifNoneMatch) {
    assertFalse(Conditions.none().withEtagDoesNotMatch(ifNoneMatch).test(OBJECT));
  }

  @Test
  void etagDoesNotMatchPassesForOtherEtags() {
    assertTrue(Conditions.none().withEtagDoesNotMatch("\"other\", \"more\"").test(OBJECT));
  }

  @Test
  void quotedEtagsMayContainCommas() {
    ObjectInfo commaEtag =
        new ObjectInfo("k", 0, "a,b", UPLOADED, HttpMetadata.empty(), Map.of(), Optional.empty());
    assertTrue(Conditions.none().withEtagMatches("\"x\", \"a,b\"").test(commaEtag));
  }

  @Test
  void uploadedBeforeIsCheckedToTheSecondInclusive() {
    Instant sameSecond = Instant.parse("2026-03-26T10:00:00Z");
    assertTrue(Conditions.none().withUploadedBefore(sameSecond).test(OBJECT));
    assertTrue(Conditions.none().withUploadedBefore(sameSecond.plusSeconds(1)).test(OBJECT));
    assertFalse(Conditions.none().withUploadedBefore(sameSecond.minusSeconds(1)).test(OBJECT));
  }

  @Test
  void uploadedAfterIsCheckedToTheSecondExclusive() {
    Instant sameSecond = Instant.parse("2026-03-26T10:00:00Z");
    // A client revalidating with the Last-Modified it was sent must get "not modified".
    assertFalse(Conditions.none().withUploadedAfter(sameSecond).test(OBJECT));
    assertFalse(Conditions.none().withUploadedAfter(sameSecond.plusSeconds(1)).test(OBJECT));
    assertTrue(Conditions.none().withUploadedAfter(sameSecond.minusSeconds(1)).test(OBJECT));
  }

  @Test
  void passingEtagMatchOverridesUploadedBefore() {
    Conditions conditions =
        Conditions.none().withEtagMatches("abc123").withUploadedBefore(UPLOADED.minusSeconds(3600));
    assertTrue(conditions.test(OBJECT));
  }

  @Test
  void etagDoesNotMatchOverridesUploadedAfter() {
    Conditions changedEtag =
        Conditions.none().withEtagDoesNotMatch("old").withUploadedAfter(UPLOADED.plusSeconds(3600));
    assertTrue(changedEtag.test(OBJECT));
    Conditions sameEtag =
        Conditions.none()
            .withEtagDoesNotMatch("abc123")
            .withUploadedAfter(UPLOADED.minusSeconds(3600));
    assertFalse(sameEtag.test(OBJECT));
  }

  @Test
  void failingEtagMatchFailsWhateverElse() {
    Conditions conditions = Conditions.none().withEtagMatches("other").withEtagDoesNotMatch("more");
    assertFalse(conditions.test(OBJECT));
  }

  @Test
  void missingObjectFailsOnlyARequiredEtagMatch() {
    assertFalse(Conditions.none().withEtagMatches("*").testMissing());
    assertFalse(Conditions.none().withEtagMatches("abc123").testMissing());
    assertTrue(Conditions.none().withEtagDoesNotMatch("*").testMissing());
    assertTrue(
        Conditions.none().withUploadedBefore(UPLOADED).withUploadedAfter(UPLOADED).testMissing());
  }

  @Test
  void readsHttpHeaders() {
    Conditions conditions =
        Conditions.fromHttpHeaders(
            "\"a\"", "\"b\"", "Thu, 26 Mar 2026 10:00:00 GMT", "Fri, 27 Mar 2026 10:00:00 GMT");
    assertEquals(
        new Conditions(
            Optional.of("\"a\""),
            Optional.of("\"b\""),
            Optional.of(Instant.parse("2026-03-27T10:00:00Z")),
            Optional.of(Instant.parse("2026-03-26T10:00:00Z"))),
        conditions);
  }

  @Test
  void absentBlankAndInvalidHeadersAreIgnored() {
    assertEquals(Conditions.none(), Conditions.fromHttpHeaders(null, null, null, null));
    assertEquals(
        Conditions.none(),
        Conditions.fromHttpHeaders("", " ", "yesterday", "2026-03-26T10:00:00Z"));
  }

  @Test
  void notModifiedRevalidationWorksFromHeaders() {
    String lastModified = "Thu, 26 Mar 2026 10:00:00 GMT";
    assertFalse(Conditions.fromHttpHeaders(null, null, lastModified, null).test(OBJECT));
    assertFalse(Conditions.fromHttpHeaders(null, OBJECT.httpEtag(), null, null).test(OBJECT));
  }
}
