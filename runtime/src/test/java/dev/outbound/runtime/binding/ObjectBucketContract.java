package dev.outbound.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outbound.binding.BindingLimitException;
import dev.outbound.binding.ByteRange;
import dev.outbound.binding.Conditions;
import dev.outbound.binding.GetOptions;
import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.ListOptions;
import dev.outbound.binding.MultipartUpload;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.ObjectLimits;
import dev.outbound.binding.ObjectList;
import dev.outbound.binding.PutOptions;
import dev.outbound.binding.RangeNotSatisfiableException;
import dev.outbound.binding.ResolvedRange;
import dev.outbound.binding.StoredObject;
import dev.outbound.binding.UploadedPart;
import dev.outbound.binding.Utf8;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectBucket} backend must do, R2's semantics. A backend's test extends this class,
 * returns a new empty bucket from {@link #newBucket()}, and adds tests of what only it has.
 */
public abstract class ObjectBucketContract {

  private static final int PART_BYTES = (int) ObjectLimits.MIN_PART_BYTES;

  /** The bucket under test, new and empty for each test. */
  protected ObjectBucket bucket;

  /** Returns a new, empty bucket; called before each test. */
  protected abstract ObjectBucket newBucket() throws Exception;

  // What the store behind a backend's tests can do. Each is true unless that store cannot, whatever the
  // backend does (s3proxy's filesystem store, for one); the backend documents the difference.

  /**
   * Whether the store holds every key the binding allows. A store that keeps keys as file paths cannot
   * hold {@code ..} or {@code a/../b}, a leading or double slash, a 1024-byte name, or a body under a key
   * ending in {@code /}, which becomes a directory; its tests use keys without those.
   */
  protected boolean storesEveryKey() {
    return true;
  }

  /** Whether the store lists keys in UTF-8 byte order rather than, say, Java's UTF-16 string order. */
  protected boolean listsInUtf8ByteOrder() {
    return true;
  }

  /** Whether the store serves {@code Content-Type} as stored, not respelled as {@code text/plain;charset=utf-8}. */
  protected boolean servesContentTypeAsStored() {
    return true;
  }

  @BeforeEach
  void openBucket() throws Exception {
    bucket = newBucket();
  }

  @Test
  void putThenGetRoundTripsBodyAndMetadata() {
    Instant before = Instant.now().minusSeconds(1);
    PutOptions options = PutOptions.none()
        .withHttpMetadata(HttpMetadata.empty()
            .withContentType("text/plain; charset=utf-8")
            .withCacheControl("max-age=60"))
        .withCustomMetadata(Map.of("owner", "ana", "note", "ünïcode"));

    ObjectInfo stored = bucket.put("notes/hello.txt", body("hello"), options).orElseThrow();

    assertEquals("notes/hello.txt", stored.key());
    assertEquals(5, stored.size());
    assertTrue(stored.uploaded().isAfter(before) && stored.uploaded().isBefore(Instant.now().plusSeconds(1)));
    try (StoredObject object = bucket.get("notes/hello.txt").orElseThrow()) {
      assertEquals("hello", text(object));
      assertEquals(stored.etag(), object.info().etag());
      assertEquals(stored.uploaded(), object.info().uploaded());
      assertEquals(Optional.of("text/plain; charset=utf-8"), object.info().httpMetadata().contentType()
          .map(type -> servesContentTypeAsStored() ? type : type.replace(";charset", "; charset")));
      assertEquals(Optional.of("max-age=60"), object.info().httpMetadata().cacheControl());
      assertEquals(Map.of("owner", "ana", "note", "ünïcode"), object.info().customMetadata());
      assertEquals(Optional.empty(), object.info().range());
    }
  }

  @Test
  void etagIsTheMd5HexOfTheBody() {
    assertEquals("5d41402abc4b2a76b9719d911017c592", bucket.put("k", body("hello")).etag());
    assertEquals("d41d8cd98f00b204e9800998ecf8427e", bucket.put("empty", body("")).etag());
    assertEquals(0, bucket.head("empty").orElseThrow().size());
  }

  @Test
  void headReturnsInfoAndMetadata() {
    ObjectInfo stored = bucket.put("k", body("hello"), PutOptions.none()
        .withHttpMetadata(HttpMetadata.empty().withContentType("image/png"))
        .withCustomMetadata(Map.of("a", "1"))).orElseThrow();

    ObjectInfo head = bucket.head("k").orElseThrow();

    assertEquals(stored.etag(), head.etag());
    assertEquals(5, head.size());
    assertEquals(Optional.of("image/png"), head.httpMetadata().contentType());
    assertEquals(Map.of("a", "1"), head.customMetadata());
  }

  @Test
  void missingKeyHasNoObject() {
    assertEquals(Optional.empty(), bucket.head("missing"));
    assertEquals(Optional.empty(), bucket.get("missing"));
    assertEquals(Optional.empty(), bucket.get("missing", GetOptions.none().withRange(new ByteRange.Offset(0, 1))));
  }

  @Test
  void putReplacesBodyAndMetadata() {
    bucket.put("k", body("first"), PutOptions.none()
        .withHttpMetadata(HttpMetadata.empty().withContentType("text/plain"))
        .withCustomMetadata(Map.of("version", "1")));

    ObjectInfo second =
        bucket.put("k", body("second!"), PutOptions.none().withCustomMetadata(Map.of("v", "2"))).orElseThrow();

    try (StoredObject object = bucket.get("k").orElseThrow()) {
      assertEquals("second!", text(object));
      assertEquals(second.etag(), object.info().etag());
      assertEquals(7, object.info().size());
      assertEquals(Optional.empty(), object.info().httpMetadata().contentType());
      assertEquals(Map.of("v", "2"), object.info().customMetadata());
    }
  }

  @Test
  void rangesServeOffsetLengthAndSuffix() {
    bucket.put("k", body("0123456789"));

    assertRange("k", new ByteRange.Offset(2, 3), "234", new ResolvedRange(2, 3));
    assertRange("k", new ByteRange.Offset(7), "789", new ResolvedRange(7, 3));
    assertRange("k", new ByteRange.Offset(8, 100), "89", new ResolvedRange(8, 2));
    assertRange("k", new ByteRange.Suffix(4), "6789", new ResolvedRange(6, 4));
    assertRange("k", new ByteRange.Suffix(50), "0123456789", new ResolvedRange(0, 10));
  }

  @Test
  void unsatisfiableRangesThrow() {
    bucket.put("k", body("0123456789"));
    bucket.put("empty", body(""));

    var pastEnd = assertThrows(RangeNotSatisfiableException.class,
        () -> bucket.get("k", GetOptions.none().withRange(new ByteRange.Offset(10))));
    assertEquals(10, pastEnd.objectSize());
    assertThrows(RangeNotSatisfiableException.class,
        () -> bucket.get("empty", GetOptions.none().withRange(new ByteRange.Suffix(5))));
  }

  @Test
  void conditionalGetByEtag() {
    String etag = bucket.put("k", body("hello")).etag();

    assertBody("hello", bucket.get("k", onlyIf(Conditions.none().withEtagMatches(etag))));
    assertBody("hello", bucket.get("k", onlyIf(Conditions.none().withEtagMatches("\"other\", \"" + etag + "\""))));
    assertNoBody(etag, bucket.get("k", onlyIf(Conditions.none().withEtagMatches("other"))));
    assertNoBody(etag, bucket.get("k", onlyIf(Conditions.none().withEtagDoesNotMatch("\"" + etag + "\""))));
    assertBody("hello", bucket.get("k", onlyIf(Conditions.none().withEtagDoesNotMatch("other"))));
  }

  @Test
  void conditionalGetByUploadTime() {
    ObjectInfo stored = bucket.put("k", body("hello"));
    Instant uploaded = stored.uploaded();
    Instant secondBefore = uploaded.minusSeconds(1);

    assertBody("hello", bucket.get("k", onlyIf(Conditions.none().withUploadedAfter(secondBefore))));
    assertNoBody(stored.etag(), bucket.get("k", onlyIf(Conditions.none().withUploadedAfter(uploaded))));
    assertBody("hello", bucket.get("k", onlyIf(Conditions.none().withUploadedBefore(uploaded))));
    assertNoBody(stored.etag(), bucket.get("k", onlyIf(Conditions.none().withUploadedBefore(secondBefore))));
  }

  @Test
  void failedConditionsWinOverAnUnsatisfiableRange() {
    String etag = bucket.put("k", body("hello")).etag();

    GetOptions options =
        new GetOptions(Optional.of(new ByteRange.Offset(99)), Conditions.none().withEtagMatches("other"));

    assertNoBody(etag, bucket.get("k", options));
  }

  @Test
  void createOnlyPutWritesOnce() {
    PutOptions createOnly = PutOptions.none().withOnlyIf(Conditions.none().withEtagDoesNotMatch("*"));

    assertTrue(bucket.put("k", body("first"), createOnly).isPresent());
    assertEquals(Optional.empty(), bucket.put("k", body("second"), createOnly));

    assertBody("first", bucket.get("k"));
  }

  @Test
  void putIfEtagMatchesReplacesOnlyTheExpectedVersion() {
    PutOptions ifMatches = PutOptions.none().withOnlyIf(Conditions.none().withEtagMatches(md5Hex("v1")));

    assertEquals(Optional.empty(), bucket.put("k", body("v0"), ifMatches), "a missing object matches no etag");
    bucket.put("k", body("v1"));
    assertTrue(bucket.put("k", body("v2"), ifMatches).isPresent());
    assertEquals(Optional.empty(), bucket.put("k", body("v3"), ifMatches));

    assertBody("v2", bucket.get("k"));
  }

  @Test
  void deleteRemovesOneObject() {
    bucket.put("a", body("1"));
    bucket.put("b", body("2"));

    bucket.delete("a");
    bucket.delete("never-there");

    assertEquals(Optional.empty(), bucket.get("a"));
    assertEquals(Optional.empty(), bucket.head("a"));
    assertEquals(List.of("b"), keys(bucket.list(ListOptions.defaults())));
  }

  @Test
  void deleteManyRemovesTheListedKeys() {
    for (String key : List.of("a", "b", "c", "d")) {
      bucket.put(key, body(key));
    }

    bucket.delete(List.of("a", "c", "missing"));

    assertEquals(List.of("b", "d"), keys(bucket.list(ListOptions.defaults())));
    assertEquals(Optional.empty(), bucket.head("c"));
  }

  @Test
  void listFiltersByPrefix() {
    for (String key : List.of("photos/1.jpg", "photos/2.jpg", "photosynthesis", "docs/a", "p")) {
      bucket.put(key, body(key));
    }

    ObjectList photos = bucket.list(ListOptions.defaults().withPrefix("photos/"));

    assertEquals(List.of("photos/1.jpg", "photos/2.jpg"), keys(photos));
    assertFalse(photos.truncated());
    assertEquals(Optional.empty(), photos.cursor());
    assertEquals(List.of(), keys(bucket.list(ListOptions.defaults().withPrefix("zzz"))));
  }

  @Test
  void listEntriesCarrySizeAndEtagButNoMetadata() {
    ObjectInfo stored =
        bucket.put("k", body("hello"), PutOptions.none().withCustomMetadata(Map.of("a", "1"))).orElseThrow();

    ObjectInfo listed = bucket.list(ListOptions.defaults()).objects().get(0);

    assertEquals(stored.etag(), listed.etag());
    assertEquals(5, listed.size());
    assertEquals(stored.uploaded(), listed.uploaded());
    assertEquals(Map.of(), listed.customMetadata());
  }

  @Test
  void listRollsKeysUpToTheDelimiter() {
    String keyEndingInDelimiter = storesEveryKey() ? "top/" : "top/z";
    for (String key : List.of("a.txt", "dir/x", "dir/y", "dir/sub/z", "dir2/w", keyEndingInDelimiter)) {
      bucket.put(key, body(key));
    }

    ObjectList root = bucket.list(ListOptions.defaults().withDelimiter("/"));
    ObjectList dir = bucket.list(ListOptions.defaults().withPrefix("dir/").withDelimiter("/"));

    assertEquals(List.of("a.txt"), keys(root));
    assertEquals(List.of("dir/", "dir2/", "top/"), root.delimitedPrefixes());
    assertEquals(List.of("dir/x", "dir/y"), keys(dir));
    assertEquals(List.of("dir/sub/"), dir.delimitedPrefixes());
  }

  @Test
  void delimitedListsPageThroughPrefixesAndKeys() {
    for (String key : List.of("a/1", "a/2", "a/3", "b", "c/1", "c/2", "d")) {
      bucket.put(key, body(key));
    }

    List<String> items = new ArrayList<>();
    ListOptions options = ListOptions.defaults().withDelimiter("/").withLimit(1);
    ObjectList page;
    int pages = 0;
    do {
      assertTrue(++pages <= 4, "the cursor does not move on: " + items);
      page = bucket.list(options);
      assertEquals(1, page.objects().size() + page.delimitedPrefixes().size());
      items.addAll(keys(page));
      items.addAll(page.delimitedPrefixes());
      options = page.cursor().map(options::withCursor).orElse(options);
    } while (page.truncated());

    assertEquals(List.of("a/", "b", "c/", "d"), items);
  }

  @Test
  void listPagesAcrossMoreThan1000KeysWithCursors() throws Exception {
    List<String> expected = IntStream.range(0, 1234).mapToObj(i -> String.format("key-%05d", i)).toList();
    putAll(expected);

    ObjectList first = bucket.list(ListOptions.defaults());
    ObjectList second = bucket.list(ListOptions.defaults().withCursor(first.cursor().orElseThrow()));

    assertEquals(1000, first.objects().size());
    assertTrue(first.truncated());
    assertEquals(expected.subList(0, 1000), keys(first));
    assertEquals(expected.subList(1000, 1234), keys(second));
    assertFalse(second.truncated());
    assertEquals(Optional.empty(), second.cursor());

    ObjectList small = bucket.list(ListOptions.defaults().withLimit(234));
    ObjectList next = bucket.list(ListOptions.defaults().withLimit(1000).withCursor(small.cursor().orElseThrow()));
    assertEquals(expected.subList(0, 234), keys(small));
    assertEquals(expected.subList(234, 1234), keys(next));
    assertFalse(next.truncated());
  }

  @Test
  void aFullLastPageIsNotTruncated() {
    bucket.put("a", body("a"));
    bucket.put("b", body("b"));

    ObjectList page = bucket.list(ListOptions.defaults().withLimit(2));

    assertFalse(page.truncated());
    assertEquals(List.of("a", "b"), keys(page));
  }

  @Test
  void listOrdersKeysByUtf8Bytes() {
    assumeTrue(listsInUtf8ByteOrder(), "the store lists keys in another order");
    // UTF-16 order would put U+1F600 (a surrogate pair, 0xD83D...) before U+FF61; UTF-8 order puts it last.
    List<String> utf8Order = List.of("A", "Z", "a", "z", "é", "\uFF61", "\uD83D\uDE00");
    List<String> shuffled = new ArrayList<>(utf8Order);
    Collections.shuffle(shuffled);
    shuffled.forEach(key -> bucket.put(key, body(key)));

    assertEquals(utf8Order, keys(bucket.list(ListOptions.defaults())));
    ObjectList firstFive = bucket.list(ListOptions.defaults().withLimit(5));
    ObjectList rest = bucket.list(ListOptions.defaults().withCursor(firstFive.cursor().orElseThrow()));
    assertEquals(utf8Order.subList(5, 7), keys(rest));
  }

  @Test
  void keysWithSlashesDotsPercentAndUnicodeAreOpaque() {
    List<String> filePathKeys = List.of("a/b", "%2e%2e/x", "ünï/ćødé 🙂", "back\\slash", "nul-free but\ttab");
    List<String> otherKeys = List.of("../escape", "a/../b", "/leading", "trailing/", "..", ".", "dir//double",
        "k".repeat(ObjectLimits.MAX_KEY_BYTES));
    List<String> keys = new ArrayList<>(filePathKeys);
    if (storesEveryKey()) {
      keys.addAll(otherKeys);
    }
    keys.forEach(key -> bucket.put(key, body("body of " + key)));

    for (String key : keys) {
      assertBody("body of " + key, bucket.get(key));
    }
    assertEquals(keys.stream().sorted(Utf8.BYTE_ORDER).toList(), keys(bucket.list(ListOptions.defaults())));
  }

  @Test
  void multipartUploadCompletesIntoOneObject() {
    byte[] first = filled(PART_BYTES, (byte) 'a');
    byte[] second = filled(1000, (byte) 'b');
    MultipartUpload upload = bucket.createMultipartUpload("big", PutOptions.none()
        .withHttpMetadata(HttpMetadata.empty().withContentType("application/octet-stream"))
        .withCustomMetadata(Map.of("origin", "multipart")));
    assertEquals("big", upload.key());

    UploadedPart part2 = upload.uploadPart(2, new ByteArrayInputStream(second));
    UploadedPart part1 = upload.uploadPart(1, new ByteArrayInputStream(first));
    assertEquals(md5Hex(first), part1.etag());
    assertEquals(Optional.empty(), bucket.head("big"), "nothing is visible before completion");
    ObjectInfo info = upload.complete(List.of(part1, part2));

    assertTrue(info.etag().endsWith("-2"), info.etag());
    assertEquals(PART_BYTES + 1000L, info.size());
    try (StoredObject object = bucket.get("big").orElseThrow()) {
      byte[] expected = Arrays.copyOf(first, PART_BYTES + 1000);
      System.arraycopy(second, 0, expected, PART_BYTES, 1000);
      assertArrayEquals(expected, bytes(object));
      assertEquals(info.etag(), object.info().etag());
      assertEquals(Optional.of("application/octet-stream"), object.info().httpMetadata().contentType());
      assertEquals(Map.of("origin", "multipart"), object.info().customMetadata());
    }
    assertThrows(IllegalStateException.class, () -> upload.uploadPart(3, body("late")));
  }

  @Test
  void multipartUploadResumesByIdAndReplacesParts() {
    MultipartUpload upload = bucket.createMultipartUpload("k", PutOptions.none());
    upload.uploadPart(1, body("old part"));

    MultipartUpload resumed = bucket.resumeMultipartUpload("k", upload.uploadId());
    UploadedPart part = resumed.uploadPart(1, body("new part"));
    resumed.complete(List.of(part));

    assertBody("new part", bucket.get("k"));
  }

  @Test
  void abortedUploadIsGone() {
    bucket.put("k", body("before"));
    MultipartUpload upload = bucket.createMultipartUpload("k", PutOptions.none());
    UploadedPart part = upload.uploadPart(1, body("part"));

    upload.abort();

    assertThrows(IllegalStateException.class, () -> upload.complete(List.of(part)));
    assertThrows(IllegalStateException.class, upload::abort);
    MultipartUpload resumed = bucket.resumeMultipartUpload("k", upload.uploadId());
    assertThrows(IllegalStateException.class, () -> resumed.uploadPart(2, body("x")));
    assertBody("before", bucket.get("k"));
  }

  @Test
  void uploadsAreBoundToTheirKeyAndUnknownIdsDoNotExist() {
    MultipartUpload upload = bucket.createMultipartUpload("k", PutOptions.none());

    MultipartUpload otherKey = bucket.resumeMultipartUpload("other", upload.uploadId());
    MultipartUpload unknownId = bucket.resumeMultipartUpload("k", "no-such-upload");

    assertThrows(IllegalStateException.class, () -> otherKey.uploadPart(1, body("x")));
    assertThrows(IllegalStateException.class, () -> unknownId.uploadPart(1, body("x")));
    assertThrows(IllegalStateException.class, () -> bucket.resumeMultipartUpload("k", "../../k").abort());
  }

  @Test
  void completeRejectsBadPartLists() {
    MultipartUpload upload = bucket.createMultipartUpload("k", PutOptions.none());
    UploadedPart small = upload.uploadPart(1, body("too small to be followed"));
    UploadedPart big = upload.uploadPart(2, new ByteArrayInputStream(filled(PART_BYTES, (byte) 1)));
    UploadedPart last = upload.uploadPart(3, body("last"));

    var tooSmall = assertThrows(IllegalArgumentException.class, () -> upload.complete(List.of(small, last)));
    assertEquals("part 1 is 24 bytes; every part but the last must be at least 5242880", tooSmall.getMessage());
    var descending = assertThrows(IllegalArgumentException.class, () -> upload.complete(List.of(big, small)));
    assertTrue(descending.getMessage().contains("ascending"), descending.getMessage());
    var wrongEtag = assertThrows(IllegalArgumentException.class,
        () -> upload.complete(List.of(big, new UploadedPart(3, md5Hex("other")))));
    assertTrue(wrongEtag.getMessage().contains("etag"), wrongEtag.getMessage());
    var unknown = assertThrows(IllegalArgumentException.class,
        () -> upload.complete(List.of(big, new UploadedPart(7, "x"))));
    assertTrue(unknown.getMessage().contains("part 7"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> upload.complete(List.of()));
    assertEquals(Optional.empty(), bucket.head("k"));

    assertTrue(upload.complete(List.of(big, last)).etag().endsWith("-2"), "the upload survives rejected attempts");
  }

  @Test
  void multipartUploadsTakeNoConditionsOrChecksums() {
    assertThrows(IllegalArgumentException.class, () -> bucket.createMultipartUpload("k",
        PutOptions.none().withOnlyIf(Conditions.none().withEtagDoesNotMatch("*"))));
    assertThrows(IllegalArgumentException.class,
        () -> bucket.createMultipartUpload("k", PutOptions.none().withMd5Hex(md5Hex("x"))));
  }

  @Test
  void partNumbersOutsideTheLimitAreRejected() {
    MultipartUpload upload = bucket.createMultipartUpload("k", PutOptions.none());

    var zero = assertThrows(BindingLimitException.class, () -> upload.uploadPart(0, body("x")));
    assertEquals("part number is 0; it must be 1 to 10000", zero.getMessage());
    assertThrows(BindingLimitException.class, () -> upload.uploadPart(10_001, body("x")));
  }

  @Test
  void keysOutsideTheLimitsAreRejectedAndNothingIsWritten() {
    String tooLong = "k".repeat(ObjectLimits.MAX_KEY_BYTES + 1);

    var put = assertThrows(BindingLimitException.class, () -> bucket.put(tooLong, body("x")));
    assertEquals("object key is 1025 bytes; it must be 1 to 1024", put.getMessage());
    assertThrows(BindingLimitException.class, () -> bucket.put("", body("x")));
    assertThrows(BindingLimitException.class, () -> bucket.get(tooLong));
    assertThrows(BindingLimitException.class, () -> bucket.head(tooLong));
    assertThrows(BindingLimitException.class, () -> bucket.delete(tooLong));
    assertThrows(BindingLimitException.class, () -> bucket.createMultipartUpload(tooLong, PutOptions.none()));
    assertThrows(IllegalArgumentException.class, () -> bucket.put("\uD800", body("x")), "an unpaired surrogate");

    assertEquals(List.of(), bucket.list(ListOptions.defaults()).objects());
  }

  @Test
  void deletesOfMoreThan1000KeysAreRejectedAndDeleteNothing() {
    bucket.put("key-0", body("x"));
    List<String> keys = IntStream.range(0, 1001).mapToObj(i -> "key-" + i).toList();

    var tooMany = assertThrows(BindingLimitException.class, () -> bucket.delete(keys));

    assertEquals("delete of 1001 keys; the limit is 1000", tooMany.getMessage());
    assertTrue(bucket.head("key-0").isPresent());
  }

  @Test
  void checksumMismatchesAreRejectedAndNothingIsWritten() {
    bucket.put("k", body("old"));

    var md5 = assertThrows(IllegalArgumentException.class,
        () -> bucket.put("k", body("new"), PutOptions.none().withMd5Hex(md5Hex("other"))));
    var sha256 = assertThrows(IllegalArgumentException.class,
        () -> bucket.put("fresh", body("new"), PutOptions.none().withSha256Hex("00".repeat(32))));

    assertTrue(md5.getMessage().contains("MD5"), md5.getMessage());
    assertTrue(sha256.getMessage().contains("SHA-256"), sha256.getMessage());
    assertBody("old", bucket.get("k"));
    assertEquals(Optional.empty(), bucket.head("fresh"));
  }

  @Test
  void matchingChecksumsAreAccepted() {
    PutOptions options = PutOptions.none().withMd5Hex(md5Hex("new").toUpperCase()).withSha256Hex(sha256Hex("new"));

    assertTrue(bucket.put("k", body("new"), options).isPresent());

    assertBody("new", bucket.get("k"));
  }

  @Test
  void aFailingBodyWritesNothing() {
    bucket.put("k", body("old"));
    InputStream broken = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served++ > 100) {
          throw new IOException("connection reset");
        }
        return 'x';
      }
    };

    assertThrows(UncheckedIOException.class, () -> bucket.put("k", broken));

    assertBody("old", bucket.get("k"));
  }

  private void putAll(List<String> keys) throws Exception {
    // Puts are durable, so run them side by side to keep the test quick.
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      List<Future<ObjectInfo>> puts =
          keys.stream().map(key -> pool.submit(() -> bucket.put(key, body(key)))).toList();
      for (Future<ObjectInfo> put : puts) {
        put.get(1, TimeUnit.MINUTES);
      }
    }
  }

  private void assertRange(String key, ByteRange range, String expectedBody, ResolvedRange expectedRange) {
    try (StoredObject object = bucket.get(key, GetOptions.none().withRange(range)).orElseThrow()) {
      assertEquals(expectedBody, text(object));
      assertEquals(Optional.of(expectedRange), object.info().range());
      assertEquals(10, object.info().size());
    }
  }

  private static void assertBody(String expected, Optional<StoredObject> found) {
    try (StoredObject object = found.orElseThrow()) {
      assertEquals(expected, text(object));
    }
  }

  private static void assertNoBody(String etag, Optional<StoredObject> found) {
    StoredObject object = found.orElseThrow();
    assertEquals(Optional.empty(), object.body());
    assertEquals(etag, object.info().etag());
  }

  private static GetOptions onlyIf(Conditions conditions) {
    return GetOptions.none().withOnlyIf(conditions);
  }

  protected static List<String> keys(ObjectList list) {
    return list.objects().stream().map(ObjectInfo::key).toList();
  }

  /** Returns a body as a stream of UTF-8 bytes. */
  protected static InputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  protected static String text(StoredObject object) {
    return new String(bytes(object), StandardCharsets.UTF_8);
  }

  protected static byte[] bytes(StoredObject object) {
    try {
      return object.body().orElseThrow().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static byte[] filled(int size, byte value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, value);
    return bytes;
  }

  protected static String md5Hex(String text) {
    return md5Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  protected static String md5Hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest("MD5").digest(bytes));
  }

  private static String sha256Hex(String text) {
    return HexFormat.of().formatHex(digest("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  protected static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
