package dev.outbound.runtime.binding.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.Conditions;
import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.PutOptions;
import dev.outbound.binding.StoredObject;
import dev.outbound.runtime.binding.ObjectBucketContract;
import dev.outbound.runtime.testing.GeneratedBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3BucketTest extends ObjectBucketContract {

  private static final int MIB = 1024 * 1024;

  @TempDir static Path serverDirectory;

  private static S3ProxyServer server;

  private final List<S3Bucket> opened = new ArrayList<>();
  private S3BucketSettings settings;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(serverDirectory);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected ObjectBucket newBucket() {
    settings = server.newBucket();
    return open(settings);
  }

  @AfterEach
  void closeBuckets() {
    opened.forEach(S3Bucket::close);
  }

  /** s3proxy's filesystem store keeps keys as file paths; AWS S3 and R2 hold any key. */
  @Override
  protected boolean storesEveryKey() {
    return false;
  }

  /** s3proxy's filesystem store orders keys as Java strings; AWS S3 and R2 in UTF-8 byte order. */
  @Override
  protected boolean listsInUtf8ByteOrder() {
    return false;
  }

  /** s3proxy's Jetty respells a charset parameter; AWS S3 and R2 serve the header as stored. */
  @Override
  protected boolean servesContentTypeAsStored() {
    return false;
  }

  @Test
  void streamsA64MibBodyOfUnknownLengthInPartsAndBack() throws IOException {
    long size = 64L * MIB;
    MessageDigest sent = digest("SHA-256");
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // A first multipart put loads the classes, whose loading would count as allocation.
    bucket.put("warm-up", new GeneratedBody(9 * MIB));

    long beforePut = threads.getCurrentThreadAllocatedBytes();
    ObjectInfo stored = bucket.put("big", new DigestInputStream(new GeneratedBody(size), sent));
    long putAllocated = threads.getCurrentThreadAllocatedBytes() - beforePut;
    MessageDigest received = digest("SHA-256");
    long beforeGet = threads.getCurrentThreadAllocatedBytes();
    try (StoredObject object = bucket.get("big").orElseThrow()) {
      object
          .body()
          .orElseThrow()
          .transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), received));
    }
    long getAllocated = threads.getCurrentThreadAllocatedBytes() - beforeGet;

    assertEquals(size, stored.size());
    assertTrue(
        stored.etag().endsWith("-8"),
        "a put of unknown length goes up in 8 MiB parts: " + stored.etag());
    assertEquals(
        HexFormat.of().formatHex(sent.digest()), HexFormat.of().formatHex(received.digest()));
    // One 8 MiB part at a time: readNBytes fills it through buffers of its own, so twice that,
    // briefly.
    assertTrue(
        putAllocated < 24 * MIB,
        "put allocated " + putAllocated + " bytes for a " + size + " byte body");
    assertTrue(
        getAllocated < 4 * MIB,
        "get allocated " + getAllocated + " bytes for a " + size + " byte body");
  }

  @Test
  void customMetadataThatHeadersCannotCarryRoundTrips() {
    Map<String, String> metadata =
        Map.of(
            "emoji", "😀 and ünïcode",
            "padded", "  spaces around  ",
            "tab", "a\tb",
            "looks-encoded", "=?UTF-8?B?Zm9v?=",
            "long", "ж".repeat(300),
            "empty", "");

    bucket.put("k", body("x"), PutOptions.none().withCustomMetadata(metadata));

    assertEquals(metadata, bucket.head("k").orElseThrow().customMetadata());
    try (StoredObject object = bucket.get("k").orElseThrow()) {
      assertEquals(metadata, object.info().customMetadata());
    }
  }

  @Test
  void everyHttpMetadataHeaderRoundTrips() {
    HttpMetadata metadata =
        HttpMetadata.empty()
            .withContentType("application/json")
            .withContentLanguage("de-CH")
            .withContentDisposition("attachment; filename=\"a.json\"; filename*=UTF-8''%C3%A4.json")
            .withContentEncoding("gzip")
            .withCacheControl("no-store")
            .withCacheExpiry(Instant.parse("2031-02-03T04:05:06Z"));

    bucket.put("k", body("x"), PutOptions.none().withHttpMetadata(metadata));

    assertEquals(metadata, bucket.head("k").orElseThrow().httpMetadata());
  }

  @Test
  void httpMetadataBeyondAsciiIsRejectedAndNothingIsWritten() {
    PutOptions options =
        PutOptions.none()
            .withHttpMetadata(
                HttpMetadata.empty().withContentDisposition("attachment; filename=\"ünï.txt\""));

    var rejected =
        assertThrows(IllegalArgumentException.class, () -> bucket.put("k", body("x"), options));

    assertTrue(rejected.getMessage().contains("Content-Disposition"), rejected.getMessage());
    assertEquals(Optional.empty(), bucket.head("k"));
  }

  @ParameterizedTest(name = "a body of {0} bytes")
  @ValueSource(ints = {5, 9 * MIB})
  void aConditionalPutRacedByAnotherWriteIsRefused(int size) {
    PutOptions createOnly =
        PutOptions.none().withOnlyIf(Conditions.none().withEtagDoesNotMatch("*"));
    S3Bucket other = open(settings);
    // The put judges its condition before it reads its body, so the other write lands in between.
    InputStream racedBody =
        new GeneratedBody(size) {
          private boolean raced;

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (!raced) {
              raced = true;
              other.put("k", body("the other write"));
            }
            return super.read(buffer, offset, length);
          }
        };

    assertEquals(Optional.empty(), bucket.put("k", racedBody, createOnly));

    try (StoredObject object = bucket.get("k").orElseThrow()) {
      assertEquals("the other write", text(object));
    }
  }

  @Test
  void conditionalPutsCheckThenWriteWhereTheServiceHasNoConditionalWrites() {
    ObjectBucket checking = open(settings.withConditionalWrites(false));
    PutOptions createOnly =
        PutOptions.none().withOnlyIf(Conditions.none().withEtagDoesNotMatch("*"));

    String etag = checking.put("k", body("first"), createOnly).orElseThrow().etag();
    assertEquals(Optional.empty(), checking.put("k", body("second"), createOnly));
    PutOptions ifFirst = PutOptions.none().withOnlyIf(Conditions.none().withEtagMatches(etag));
    assertTrue(checking.put("k", body("third"), ifFirst).isPresent());
    assertEquals(Optional.empty(), checking.put("k", body("fourth"), ifFirst));

    try (StoredObject object = checking.get("k").orElseThrow()) {
      assertEquals("third", text(object));
    }
  }

  @Test
  void aLargePutWithAWrongChecksumOrAFailingBodyWritesNothing() {
    bucket.put("k", body("old"));
    long size = 9L * MIB;

    var mismatch =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                bucket.put(
                    "k", new GeneratedBody(size), PutOptions.none().withMd5Hex(md5Hex("other"))));
    InputStream failing =
        new GeneratedBody(size) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position() > size - MIB) {
              throw new IOException("connection reset");
            }
            return super.read(buffer, offset, length);
          }
        };
    assertThrows(UncheckedIOException.class, () -> bucket.put("k", failing));

    assertTrue(mismatch.getMessage().contains("MD5"), mismatch.getMessage());
    try (StoredObject object = bucket.get("k").orElseThrow()) {
      assertEquals("old", text(object));
    }
  }

  private S3Bucket open(S3BucketSettings settings) {
    S3Bucket opening = S3Bucket.open(settings);
    opened.add(opening);
    return opening;
  }
}
