package dev.outbound.runtime.binding.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outbound.binding.KvEntry;
import dev.outbound.binding.KvKey;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.KvPutOptions;
import dev.outbound.runtime.binding.KvNamespaceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SqliteKvNamespaceTest extends KvNamespaceContract {

  @TempDir Path dataDir;

  @Override
  protected KvNamespace newNamespace(Clock clock) {
    return SqliteKvNamespace.open(file(), clock);
  }

  @Test
  void valuesMetadataAndExpirationsSurviveReopeningTheFile() {
    kv.put("k", bytes("v"), KvPutOptions.none().withMetadata("{}").expiringAfter(minutes(5)));
    sqlite().close();

    try (SqliteKvNamespace reopened = SqliteKvNamespace.open(file(), clock)) {
      assertEquals(
          Optional.of(new KvEntry(bytes("v"), Optional.of("{}"))), reopened.getWithMetadata("k"));
      assertEquals(
          List.of(new KvKey("k", Optional.of(START.plus(minutes(5))), Optional.of("{}"))),
          reopened.list().keys());
    }
  }

  @Test
  void theFileIsInWalModeAndTheWriterSyncsFully() throws SQLException {
    try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file())) {
      assertEquals("wal", pragma(plain, "journal_mode"));
    }
    try (Connection writer = SqliteConnections.openWriter(file())) {
      assertEquals("2", pragma(writer, "synchronous"), "2 is FULL");
      assertEquals("5000", pragma(writer, "busy_timeout"));
    }
  }

  @Test
  void closeReleasesEveryFileAndLaterCallsFail() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    kv.put("k", "v");
    assertEquals(Optional.of("v"), kv.getText("k"));
    assertTrue(openDescriptorsOfTheFile() > 0);

    sqlite().close();

    assertEquals(0, openDescriptorsOfTheFile());
    assertThrows(IllegalStateException.class, () -> kv.get("k"), "not even from the cache");
    assertThrows(IllegalStateException.class, () -> kv.put("k", "v"));
    assertThrows(IllegalStateException.class, () -> kv.list());
  }

  @Test
  void aFileThatIsNotSqliteFailsToOpen() throws IOException {
    Path garbage = dataDir.resolve("garbage.sqlite");
    Files.writeString(garbage, "this is not a database, it only has a database's name".repeat(100));

    assertThrows(UncheckedIOException.class, () -> SqliteKvNamespace.open(garbage, clock));
  }

  @Test
  void aCacheHitDoesNotReadTheFileAndIsStaleForAtMostTheCacheTtl() {
    kv.put("k", "cached");
    assertEquals(Optional.of("cached"), kv.getText("k"));

    try (SqliteKvNamespace otherServer = SqliteKvNamespace.open(file(), clock)) {
      otherServer.delete("k");

      assertTrue(kv.getWithMetadata("k").isEmpty(), "the file no longer has the key");
      assertEquals(Optional.of("cached"), kv.getText("k"), "so this came from the cache");
      clock.advance(Duration.ofSeconds(59));
      assertEquals(Optional.of("cached"), kv.getText("k"));
      clock.advance(Duration.ofSeconds(1));
      assertTrue(kv.get("k").isEmpty(), "60 s is the default cacheTtl");
    }
  }

  @Test
  void aCacheHitAllocatesNothing() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    kv.put("hot", "v");
    for (int i = 0; i < 100_000; i++) {
      kv.get("hot");
    }

    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      kv.get("hot");
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    // One 16-byte Optional per hit would be 1.6 MB; allow for the odd buffer Caffeine grows.
    assertTrue(allocated < 16_000, allocated + " bytes allocated by 100,000 cache hits");
  }

  @Test
  void eachReadAppliesItsOwnCacheTtl() {
    kv.put("k", "first");
    assertEquals("first", text(kv.get("k", minutes(5))));

    try (SqliteKvNamespace otherServer = SqliteKvNamespace.open(file(), clock)) {
      otherServer.put("k", "second");
      clock.advance(Duration.ofSeconds(90));

      assertEquals("first", text(kv.get("k", minutes(5))));
      assertEquals("second", text(kv.get("k", Duration.ofSeconds(60))), "90 s is too old");
      assertEquals("second", text(kv.get("k", minutes(5))));
    }
  }

  @Test
  void absentKeysAreCachedForTheCacheTtlToo() {
    assertTrue(kv.get("k").isEmpty());

    try (SqliteKvNamespace otherServer = SqliteKvNamespace.open(file(), clock)) {
      otherServer.put("k", "v");

      assertTrue(kv.get("k").isEmpty());
      clock.advance(Duration.ofSeconds(60));
      assertEquals(Optional.of("v"), kv.getText("k"));
    }
  }

  @Test
  void writesThroughTheNamespaceInvalidateItsCache() {
    kv.put("k", "mine");
    assertEquals(Optional.of("mine"), kv.getText("k"));
    try (SqliteKvNamespace otherServer = SqliteKvNamespace.open(file(), clock)) {
      otherServer.put("k", "theirs");
    }
    assertEquals(Optional.of("mine"), kv.getText("k"), "cached");

    kv.delete("k");
    assertTrue(kv.get("k").isEmpty());

    kv.put("k", "again");
    assertEquals(Optional.of("again"), kv.getText("k"));
  }

  @Test
  void aCachedValueNeverOutlivesItsExpiration() {
    kv.put("k", bytes("v"), KvPutOptions.none().expiringAfter(minutes(1)));
    assertEquals("v", text(kv.get("k", Duration.ofHours(1))));

    clock.advance(minutes(1));

    assertTrue(kv.get("k", Duration.ofHours(1)).isEmpty());
  }

  @Test
  @Timeout(60)
  void readsRacingAWriteNeverHideItFromTheWriter() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    // Platform threads: readers spinning on cache hits never yield, and as virtual threads they
    // would starve the carriers that the writer's own read needs.
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      for (int reader = 0; reader < 4; reader++) {
        threads.submit(
            () -> {
              while (writing.get()) {
                kv.get("k");
              }
            });
      }
      try {
        for (int i = 0; i < 2000; i++) {
          kv.put("k", "v" + i);
          assertEquals(Optional.of("v" + i), kv.getText("k"), "read after write " + i);
        }
      } finally {
        writing.set(false);
      }
    }
  }

  @Test
  void writesDeleteExpiredRowsFromTheFile() throws SQLException {
    kv.put("expires", bytes("v"), KvPutOptions.none().expiringAfter(minutes(1)));
    clock.advance(minutes(1));

    kv.put("stays", "v");

    assertEquals(1, rowsInTheFile());
  }

  @Test
  void openingDeletesExpiredRowsFromTheFile() throws SQLException {
    kv.put("expires", bytes("v"), KvPutOptions.none().expiringAfter(minutes(1)));
    sqlite().close();
    clock.advance(minutes(1));

    SqliteKvNamespace.open(file(), clock).close();

    assertEquals(0, rowsInTheFile());
  }

  private Path file() {
    return dataDir.resolve("kv").resolve("TEST.sqlite");
  }

  private SqliteKvNamespace sqlite() {
    return (SqliteKvNamespace) kv;
  }

  private long openDescriptorsOfTheFile() throws IOException {
    String path = file().toRealPath().toString();
    try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
      return descriptors
          .filter(
              descriptor -> {
                try {
                  return Files.readSymbolicLink(descriptor).toString().startsWith(path);
                } catch (IOException closedMeanwhile) {
                  return false;
                }
              })
          .count();
    }
  }

  private long rowsInTheFile() throws SQLException {
    try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = plain.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM kv")) {
      count.next();
      return count.getLong(1);
    }
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet value = statement.executeQuery("PRAGMA " + name)) {
      value.next();
      return value.getString(1);
    }
  }

  private static String text(Optional<byte[]> value) {
    return new String(value.orElseThrow(), UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static Duration minutes(int minutes) {
    return Duration.ofMinutes(minutes);
  }
}
