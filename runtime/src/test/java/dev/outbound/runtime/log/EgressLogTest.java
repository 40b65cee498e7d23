package dev.outbound.runtime.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressLogTest {

  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  @TempDir Path dir;

  @Test
  void writesOneJsonObjectPerLine() throws IOException {
    Path file = dir.resolve("logs/egress.jsonl");
    EgressRecord denied =
        new EgressRecord(
            Instant.parse("2026-03-26T10:15:30.123456Z"),
            A,
            "my-app",
            "GET",
            "http",
            "evil.test",
            80,
            "/a \"quoted\"\npath\u2028é",
            "denied",
            "deniedHosts:*.evil.test",
            520,
            0,
            97,
            1234,
            null);
    EgressRecord failed =
        new EgressRecord(
            Instant.parse("2026-03-26T10:15:31Z"),
            B,
            "other-app",
            "POST",
            "https",
            "my.kv",
            443,
            "/k",
            "error",
            "handler:kv",
            500,
            5,
            60,
            99,
            "err-42");

    try (EgressLog log = EgressLog.open(file, 10)) {
      log.record(denied);
      log.record(failed);
    }

    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("time", "2026-03-26T10:15:30.123456Z");
    first.put("containerId", A);
    first.put("containerClass", "my-app");
    first.put("method", "GET");
    first.put("scheme", "http");
    first.put("host", "evil.test");
    first.put("port", 80L);
    first.put("path", "/a \"quoted\"\npath\u2028é");
    first.put("decision", "denied");
    first.put("rule", "deniedHosts:*.evil.test");
    first.put("status", 520L);
    first.put("bytesIn", 0L);
    first.put("bytesOut", 97L);
    first.put("durationMicros", 1234L);
    assertEquals(first, Json.parseObject(lines.get(0)));
    Map<String, Object> second = Json.parseObject(lines.get(1));
    assertEquals("err-42", second.get("errorId"));
    assertEquals(443L, second.get("port"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void appendsAcrossReopening() throws IOException {
    Path file = dir.resolve("egress.jsonl");
    try (EgressLog log = EgressLog.open(file, 10)) {
      log.record(record(A, 1));
    }
    try (EgressLog log = EgressLog.open(file, 10)) {
      log.record(record(A, 2));
    }

    List<String> lines = Files.readAllLines(file);
    assertEquals(
        List.of(1L, 2L), lines.stream().map(line -> Json.parseObject(line).get("status")).toList());
  }

  @Test
  void closeWritesEverythingRecordedBeforeIt() throws IOException {
    Path file = dir.resolve("egress.jsonl");
    EgressLog log = EgressLog.open(file, 10);
    IntStream.range(0, 20_000).forEach(i -> log.record(record(i % 2 == 0 ? A : B, i)));

    log.close();

    List<String> lines = Files.readAllLines(file);
    assertEquals(20_000, lines.size());
    assertEquals(19_999L, Json.parseObject(lines.get(19_999)).get("status"));
    assertEquals(0, log.dropped());
  }

  @Test
  void recordsAfterCloseAreCountedNotWritten() throws IOException {
    Path file = dir.resolve("egress.jsonl");
    EgressLog log = EgressLog.open(file, 10);
    log.close();

    log.record(record(A, 1));
    log.close();

    assertEquals(List.of(), Files.readAllLines(file));
    assertEquals(1, log.dropped());
  }

  @Test
  void keepsTheLatestRecordsOfEachContainer() throws IOException {
    try (EgressLog log = EgressLog.open(dir.resolve("egress.jsonl"), 3)) {
      for (int i = 1; i <= 5; i++) {
        log.record(record(A, i));
      }
      log.record(record(B, 100));

      assertEquals(List.of(3, 4, 5), statuses(log.recent(A, 10)));
      assertEquals(List.of(4, 5), statuses(log.recent(A, 2)));
      assertEquals(List.of(), log.recent(A, 0));
      assertEquals(List.of(100), statuses(log.recent(B, 10)));
      assertEquals(List.of(), log.recent("c".repeat(64), 10));
      assertThrows(IllegalArgumentException.class, () -> log.recent(A, -1));

      log.forget(A);
      assertEquals(List.of(), log.recent(A, 10));
      assertEquals(List.of(100), statuses(log.recent(B, 10)));
    }
  }

  @Test
  void writesBatchesLargerThanOneWriteWithoutSplittingCharacters() throws IOException {
    Path file = dir.resolve("egress.jsonl");
    // Paths of every length around the write size, each ending in a surrogate pair, so that pairs
    // land on both sides of where a write ends.
    List<String> paths =
        IntStream.range(0, 3_000).mapToObj(i -> "/" + "é".repeat(i % 97) + "😀").toList();
    try (EgressLog log = EgressLog.open(file, 1)) {
      for (String path : paths) {
        log.record(
            new EgressRecord(
                Instant.EPOCH,
                A,
                "my-app",
                "GET",
                "http",
                "my.kv",
                80,
                path,
                "handler",
                "handler:kv",
                200,
                0,
                2,
                10,
                null));
      }
    }
    List<Object> written =
        Files.readAllLines(file).stream().map(line -> Json.parseObject(line).get("path")).toList();
    assertEquals(paths, written);
  }

  @Test
  void dropsAndCountsRecordsWhenTheWriterFallsBehind() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch diskBack = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    WritableByteChannel slowDisk =
        new WritableByteChannel() {
          @Override
          public int write(ByteBuffer bytes) {
            writing.countDown();
            awaitQuietly(diskBack);
            int count = bytes.remaining();
            byte[] copy = new byte[count];
            bytes.get(copy);
            written.writeBytes(copy);
            return count;
          }

          @Override
          public boolean isOpen() {
            return true;
          }

          @Override
          public void close() {}
        };
    EgressLog log = EgressLog.start(dir.resolve("egress.jsonl"), slowDisk, 10, 4);
    log.record(record(A, 0));
    assertTrue(
        writing.await(10, TimeUnit.SECONDS),
        "the writer took the first record and is stuck on the disk");

    long start = System.nanoTime();
    for (int i = 1; i <= 10; i++) {
      log.record(record(A, i));
    }
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertTrue(tookMillis < 1_000, "record() did not wait for the disk: " + tookMillis + " ms");
    assertEquals(6, log.dropped(), "the queue holds 4; the other 6 are dropped");
    assertEquals(
        List.of(6, 7, 8, 9, 10),
        statuses(log.recent(A, 5)),
        "recent records do not depend on the disk");
    diskBack.countDown();
    log.close();
    List<Object> statuses =
        written
            .toString(StandardCharsets.UTF_8)
            .lines()
            .map(line -> Json.parseObject(line).get("status"))
            .toList();
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), statuses);
  }

  @Test
  void refusesAnUnknownDecision() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new EgressRecord(
                    Instant.EPOCH,
                    A,
                    "my-app",
                    "GET",
                    "http",
                    "x.test",
                    80,
                    "/",
                    "allowed",
                    "default",
                    200,
                    0,
                    0,
                    0,
                    null));
    assertEquals("unknown decision allowed", e.getMessage());
  }

  private static EgressRecord record(String containerId, int status) {
    return new EgressRecord(
        Instant.EPOCH,
        containerId,
        "my-app",
        "GET",
        "http",
        "my.kv",
        80,
        "/k",
        "handler",
        "handler:kv",
        status,
        0,
        2,
        10,
        null);
  }

  private static List<Integer> statuses(List<EgressRecord> records) {
    return records.stream().map(EgressRecord::status).toList();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
