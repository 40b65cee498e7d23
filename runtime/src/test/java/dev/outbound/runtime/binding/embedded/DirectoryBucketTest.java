package dev.outbound.runtime.binding.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.ByteRange;
import dev.outbound.binding.Conditions;
import dev.outbound.binding.GetOptions;
import dev.outbound.binding.HttpMetadata;
import dev.outbound.binding.ListOptions;
import dev.outbound.binding.MultipartUpload;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.ObjectInfo;
import dev.outbound.binding.PutOptions;
import dev.outbound.binding.StoredObject;
import dev.outbound.binding.UploadedPart;
import dev.outbound.runtime.binding.ObjectBucketContract;
import dev.outbound.runtime.testing.GeneratedBody;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryBucketTest extends ObjectBucketContract {

  private static final int MIB = 1024 * 1024;

  @TempDir Path dataDir;

  private final List<DirectoryBucket> opened = new ArrayList<>();

  @Override
  protected ObjectBucket newBucket() {
    return open();
  }

  @AfterEach
  void closeBuckets() {
    opened.forEach(DirectoryBucket::close);
  }

  @Test
  void objectsMetadataAndUploadsSurviveReopen() {
    ObjectInfo stored =
        bucket
            .put(
                "dir/a",
                body("a"),
                PutOptions.none()
                    .withHttpMetadata(HttpMetadata.empty().withContentType("text/plain"))
                    .withCustomMetadata(Map.of("owner", "ana")))
            .orElseThrow();
    bucket.put("é", body("e"));
    bucket.put("b", body("b"));
    bucket.delete("b");
    MultipartUpload upload =
        bucket.createMultipartUpload(
            "big", PutOptions.none().withCustomMetadata(Map.of("kind", "upload")));
    UploadedPart part = upload.uploadPart(1, body("only part"));

    reopen();

    try (StoredObject object = bucket.get("dir/a").orElseThrow()) {
      assertEquals("a", text(object));
      assertEquals(stored, object.info());
    }
    assertEquals(List.of("dir/a", "é"), keys(bucket.list(ListOptions.defaults())));
    assertEquals(
        stored.uploaded(), bucket.list(ListOptions.defaults()).objects().get(0).uploaded());
    ObjectInfo completed =
        bucket.resumeMultipartUpload("big", upload.uploadId()).complete(List.of(part));
    assertEquals(Map.of("kind", "upload"), completed.customMetadata());
    try (StoredObject object = bucket.get("big").orElseThrow()) {
      assertEquals("only part", text(object));
    }
  }

  @Test
  void streamsA256MibObjectInAndOutInBoundedMemory() throws IOException {
    long size = 256L * MIB;
    String expectedMd5 = md5Hex(new GeneratedBody(size));
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    long beforePut = threads.getCurrentThreadAllocatedBytes();
    ObjectInfo stored = bucket.put("big", new GeneratedBody(size));
    long putAllocated = threads.getCurrentThreadAllocatedBytes() - beforePut;

    long beforeGet = threads.getCurrentThreadAllocatedBytes();
    String readMd5;
    try (StoredObject object = bucket.get("big").orElseThrow()) {
      readMd5 = md5Hex(object.body().orElseThrow());
    }
    long getAllocated = threads.getCurrentThreadAllocatedBytes() - beforeGet;

    assertEquals(expectedMd5, stored.etag());
    assertEquals(size, stored.size());
    assertEquals(expectedMd5, readMd5);
    assertTrue(
        putAllocated < 16 * MIB,
        "put allocated " + putAllocated + " bytes for a " + size + " byte body");
    assertTrue(
        getAllocated < 16 * MIB,
        "get allocated " + getAllocated + " bytes for a " + size + " byte body");
  }

  @Test
  void transferToCopiesARangeInLargeWrites() throws IOException {
    long size = 3L * MIB + 5;
    bucket.put("k", new GeneratedBody(size));
    byte[] whole = new GeneratedBody(size).readAllBytes();
    int offset = 7;
    int length = 3 * MIB - 3;
    CountingOutputStream out = new CountingOutputStream();

    long transferred;
    try (StoredObject object =
        bucket
            .get("k", GetOptions.none().withRange(new ByteRange.Offset(offset, length)))
            .orElseThrow()) {
      transferred = object.body().orElseThrow().transferTo(out);
    }

    assertEquals(length, transferred);
    assertArrayEquals(Arrays.copyOfRange(whole, offset, offset + length), out.toByteArray());
    assertTrue(out.writes <= 3, out.writes + " writes for " + length + " bytes");
  }

  @Test
  void aLargeBodyThatFailsLeavesTheOldVersionAndNoTempFile() throws IOException {
    bucket.put("k", body("old"));
    long failAt = 5L * MIB + 3;
    InputStream broken =
        new FilterInputStream(new GeneratedBody(64L * MIB)) {
          private long position;

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= failAt) {
              throw new IOException("connection reset");
            }
            int read = super.read(buffer, offset, (int) Math.min(length, failAt - position));
            position += read;
            return read;
          }
        };

    assertThrows(UncheckedIOException.class, () -> bucket.put("k", broken));

    try (StoredObject object = bucket.get("k").orElseThrow()) {
      assertEquals("old", text(object));
    }
    try (Stream<Path> tmp = Files.list(root().resolve("tmp"))) {
      assertEquals(List.of(), tmp.toList());
    }
  }

  @Test
  void readersNeverSeeATornObject() throws Exception {
    int size = 2 * MIB;
    int versions = 40;
    Map<Byte, String> etagOfFill = new HashMap<>();
    for (int fill = 0; fill <= versions; fill++) {
      etagOfFill.put((byte) fill, md5Hex(filled(size, (byte) fill)));
    }
    bucket.put("k", new ByteArrayInputStream(filled(size, (byte) 0)));
    AtomicBoolean writing = new AtomicBoolean(true);

    try (ExecutorService readers = Executors.newFixedThreadPool(4)) {
      List<Future<Integer>> reads =
          IntStream.range(0, 4)
              .mapToObj(
                  reader ->
                      readers.submit(
                          () -> {
                            int count = 0;
                            while (writing.get()) {
                              try (StoredObject object = bucket.get("k").orElseThrow()) {
                                byte[] body = bytes(object);
                                assertEquals(size, body.length);
                                for (byte b : body) {
                                  assertEquals(body[0], b, "a body mixes two versions");
                                }
                                assertEquals(
                                    etagOfFill.get(body[0]),
                                    object.info().etag(),
                                    "info and body of different versions");
                              }
                              count++;
                            }
                            return count;
                          }))
              .toList();
      for (int fill = 1; fill <= versions; fill++) {
        bucket.put("k", new ByteArrayInputStream(filled(size, (byte) fill)));
      }
      writing.set(false);
      int total = 0;
      for (Future<Integer> read : reads) {
        total += read.get(1, TimeUnit.MINUTES);
      }
      assertTrue(total > versions, "readers overlapped the writer only " + total + " times");
    }
  }

  @Test
  void concurrentCreateOnlyPutsHaveExactlyOneWinner() throws Exception {
    PutOptions createOnly =
        PutOptions.none().withOnlyIf(Conditions.none().withEtagDoesNotMatch("*"));
    for (int round = 0; round < 5; round++) {
      String key = "race-" + round;
      CountDownLatch start = new CountDownLatch(1);
      try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<Optional<ObjectInfo>>> puts =
            IntStream.range(0, 16)
                .mapToObj(
                    writer ->
                        writers.submit(
                            () -> {
                              start.await();
                              return bucket.put(key, body("writer " + writer), createOnly);
                            }))
                .toList();
        start.countDown();
        List<Integer> winners = new ArrayList<>();
        for (int writer = 0; writer < puts.size(); writer++) {
          if (puts.get(writer).get(1, TimeUnit.MINUTES).isPresent()) {
            winners.add(writer);
          }
        }
        assertEquals(1, winners.size(), "winners: " + winners);
        try (StoredObject object = bucket.get(key).orElseThrow()) {
          assertEquals("writer " + winners.get(0), text(object));
        }
      }
    }
  }

  @Test
  void anOpenBodyKeepsReadingTheVersionItOpened() throws IOException {
    bucket.put("k", new ByteArrayInputStream(filled(MIB, (byte) 1)));

    try (StoredObject old = bucket.get("k").orElseThrow()) {
      InputStream body = old.body().orElseThrow();
      byte[] start = body.readNBytes(1000);
      bucket.put("k", new ByteArrayInputStream(filled(MIB, (byte) 2)));
      bucket.delete("k");
      byte[] rest = body.readAllBytes();

      assertEquals(MIB, start.length + rest.length);
      for (byte b : rest) {
        assertEquals(1, b);
      }
    }
  }

  @Test
  void crashLeftoversAreCleanedAtOpenAndNeverListed() throws IOException {
    bucket.put("ghost", body("deleted before the crash"));
    Path ghostFile = objectFiles().get(0);
    Files.copy(ghostFile, root().resolve("tmp/unpublished-version"));
    bucket.delete("ghost");
    bucket.put("kept", body("kept"));
    MultipartUpload live = bucket.createMultipartUpload("upload", PutOptions.none());
    UploadedPart part = live.uploadPart(1, body("part"));
    ((DirectoryBucket) bucket).close();
    Files.writeString(root().resolve("tmp/half-written"), "half a bo");
    Path halfAborted = Files.createDirectories(root().resolve("tmp/aborted-upload"));
    Files.writeString(halfAborted.resolve("part-00001"), "x");
    Path halfCreated =
        Files.createDirectories(root().resolve("uploads/0123456789abcdef0123456789abcdef"));
    Files.writeString(halfCreated.resolve("part-00001"), "x");

    bucket = open();

    try (Stream<Path> tmp = Files.list(root().resolve("tmp"))) {
      assertEquals(List.of(), tmp.toList());
    }
    assertFalse(Files.exists(halfCreated));
    assertEquals(List.of("kept"), keys(bucket.list(ListOptions.defaults())));
    assertEquals(Optional.empty(), bucket.head("ghost"));
    bucket.resumeMultipartUpload("upload", live.uploadId()).complete(List.of(part));
    try (StoredObject object = bucket.get("upload").orElseThrow()) {
      assertEquals("part", text(object));
    }
  }

  @Test
  void keysNeverBecomePaths() throws IOException {
    List<String> keys =
        List.of(
            "../../../outside",
            "/etc/passwd",
            "..",
            "a/../../b",
            "%2e%2e%2f%2e%2e%2foutside",
            "tmp/x");
    keys.forEach(key -> bucket.put(key, body(key)));

    List<Path> objectFiles = objectFiles();
    assertEquals(keys.size(), objectFiles.size());
    for (Path file : objectFiles) {
      String name = file.getFileName().toString();
      assertTrue(name.matches("[0-9a-f]{64}"), name);
      assertEquals(name.substring(0, 2), file.getParent().getFileName().toString());
    }
    try (Stream<Path> all = Files.walk(dataDir)) {
      List<Path> others =
          all.filter(Files::isRegularFile).filter(file -> !objectFiles.contains(file)).toList();
      assertEquals(List.of(root().resolve("owner.lock")), others);
    }
  }

  @Test
  void aSecondOpenOfTheDirectoryIsRefused() {
    var refused = assertThrows(IllegalStateException.class, () -> DirectoryBucket.open(root()));
    assertTrue(refused.getMessage().contains("already open"), refused.getMessage());

    ((DirectoryBucket) bucket).close();

    bucket = open();
    assertTrue(bucket.list(ListOptions.defaults()).objects().isEmpty());
  }

  @Test
  void multipartEtagIsTheMd5OfThePartMd5s() {
    byte[] first = filled(5 * MIB, (byte) 'a');
    byte[] second = filled(10, (byte) 'b');
    MessageDigest partDigests = digest("MD5");
    partDigests.update(digest("MD5").digest(first));
    partDigests.update(digest("MD5").digest(second));
    MultipartUpload upload = bucket.createMultipartUpload("k", PutOptions.none());

    UploadedPart part1 = upload.uploadPart(1, new ByteArrayInputStream(first));
    UploadedPart part2 = upload.uploadPart(2, new ByteArrayInputStream(second));

    ObjectInfo info = upload.complete(List.of(part1, part2));

    assertEquals(HexFormat.of().formatHex(partDigests.digest()) + "-2", info.etag());
    assertEquals(info.etag(), bucket.head("k").orElseThrow().etag());
  }

  private DirectoryBucket open() {
    DirectoryBucket directoryBucket = DirectoryBucket.open(root());
    opened.add(directoryBucket);
    return directoryBucket;
  }

  private void reopen() {
    ((DirectoryBucket) bucket).close();
    bucket = open();
  }

  private Path root() {
    return dataDir.resolve("buckets").resolve("BUCKET");
  }

  private List<Path> objectFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root().resolve("objects"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static String md5Hex(InputStream body) throws IOException {
    MessageDigest md5 = digest("MD5");
    byte[] buffer = new byte[64 * 1024];
    int read;
    while ((read = body.read(buffer)) != -1) {
      md5.update(buffer, 0, read);
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  /** Collects what is written and counts the calls that wrote it. */
  private static final class CountingOutputStream extends ByteArrayOutputStream {

    private int writes;

    @Override
    public void write(byte[] bytes, int offset, int length) {
      writes++;
      super.write(bytes, offset, length);
    }
  }
}
