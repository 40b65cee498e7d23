package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.DurableObjectId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmTest {

  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(3);
  private static final Duration QUIET = Duration.ofMillis(700);

  @TempDir Path directory;
  private final AlarmLog log = new AlarmLog();
  private SqliteDurableObjectNamespace<Reminder> reminders;
  private DurableObjectId id;

  @BeforeEach
  void open() {
    reminders = Namespaces.reminders(directory, log);
    id = reminders.idFromName("reminder");
    reminders.get(id).scheduled(); // activated up front, so the timing of each test is its own
  }

  @AfterEach
  void close() {
    reminders.close();
  }

  @Test
  void getAlarmReturnsTheScheduledTime() {
    Instant at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    reminders.get(id).remindAt(at);
    assertEquals(Optional.of(at), reminders.get(id).scheduled());
    reminders.get(id).cancel();
    assertEquals(Optional.empty(), reminders.get(id).scheduled());
  }

  @Test
  void deliversOnceAtItsTimeAndClearsIt() throws Exception {
    Instant at = Instant.now().plusMillis(300).truncatedTo(ChronoUnit.MILLIS);
    reminders.get(id).remindAt(at);

    AlarmLog.Delivery delivery = log.next(DELIVERY_WAIT);

    assertNotNull(delivery);
    assertEquals(id, delivery.id());
    assertEquals(0, delivery.info().retryCount());
    assertFalse(delivery.at().isBefore(at), delivery.at() + " is before " + at);
    assertEquals(Optional.empty(), reminders.get(id).scheduled());
    assertNull(log.next(QUIET), "delivered once");
  }

  @Test
  void anAlarmInThePastFiresAtOnce() throws Exception {
    reminders.get(id).remindAt(Instant.now().minus(Duration.ofHours(1)));
    assertNotNull(log.next(Duration.ofSeconds(1)));
  }

  @Test
  void aNewAlarmReplacesTheOldOne() throws Exception {
    Instant later = Instant.now().plusMillis(1000);
    reminders.get(id).remindAt(Instant.now().plusMillis(400));
    reminders.get(id).remindAt(later);

    AlarmLog.Delivery delivery = log.next(DELIVERY_WAIT);
    assertFalse(delivery.at().isBefore(later.truncatedTo(ChronoUnit.MILLIS)));
    assertNull(log.next(QUIET));
  }

  @Test
  void aDeletedAlarmDoesNotFire() throws Exception {
    reminders.get(id).remindAt(Instant.now().plusMillis(400));
    reminders.get(id).cancel();
    assertNull(log.next(QUIET));
  }

  @Test
  void deleteAllClearsTheAlarm() throws Exception {
    reminders.get(id).remindAt(Instant.now().plusMillis(400));
    reminders.get(id).forgetEverything();
    assertNull(log.next(QUIET));
  }

  @Test
  void anAlarmSetInARolledBackTransactionDoesNotFire() throws Exception {
    assertThrows(
        IllegalStateException.class,
        () -> reminders.get(id).remindAtThenAbort(Instant.now().plusMillis(100)));
    assertEquals(Optional.empty(), reminders.get(id).scheduled());
    assertNull(log.next(QUIET));
  }

  @Test
  void aFailedDeliveryIsRetriedWithGrowingDelays() throws Exception {
    log.failNext(2);
    reminders.get(id).remindAt(Instant.now());

    AlarmLog.Delivery first = log.next(DELIVERY_WAIT);
    AlarmLog.Delivery second = log.next(DELIVERY_WAIT);
    AlarmLog.Delivery third = log.next(DELIVERY_WAIT);

    assertEquals(0, first.info().retryCount());
    assertEquals(1, second.info().retryCount());
    assertEquals(2, third.info().retryCount());
    Duration firstGap = Duration.between(first.at(), second.at());
    Duration secondGap = Duration.between(second.at(), third.at());
    assertTrue(firstGap.toMillis() >= 100, "first retry after " + firstGap);
    assertTrue(secondGap.toMillis() >= 200, "second retry after " + secondGap);
    assertNull(log.next(QUIET), "the third delivery succeeded");
    assertEquals(Optional.empty(), reminders.get(id).scheduled());
  }

  @Test
  void anAlarmThatKeepsFailingIsDroppedAfterTheLastRetry() throws Exception {
    log.failNext(100);
    reminders.get(id).remindAt(Instant.now());

    for (int retry = 0; retry <= Namespaces.FAST_BACKOFF.maxRetries(); retry++) {
      assertEquals(retry, log.next(DELIVERY_WAIT).info().retryCount());
    }
    assertNull(log.next(Duration.ofSeconds(1)));
    assertEquals(Optional.empty(), reminders.get(id).scheduled());
  }

  @Test
  void anAlarmSetByTheHandlerIsKept() throws Exception {
    reminders.get(id).remindEvery(Duration.ofMillis(150));

    for (int i = 0; i < 3; i++) {
      AlarmLog.Delivery delivery = log.next(DELIVERY_WAIT);
      assertNotNull(delivery, "delivery " + i);
      assertEquals(0, delivery.info().retryCount());
    }
    assertTrue(reminders.get(id).scheduled().isPresent());
  }

  @Test
  void aPendingAlarmIsDeliveredAfterARestart() throws Exception {
    reminders.get(id).remindAt(Instant.now().plusMillis(300));
    reminders.close();
    assertNull(log.next(Duration.ofMillis(500)), "nothing is delivered while closed");

    reminders = Namespaces.reminders(directory, log); // nothing is activated: the index drives it

    AlarmLog.Delivery delivery = log.next(DELIVERY_WAIT);
    assertNotNull(delivery);
    assertEquals(id, delivery.id());
  }

  /** So that a server starts without loading SQLite for a namespace nobody has used. */
  @Test
  void aNamespaceWithoutAlarmsCreatesNoIndexFile() throws Exception {
    Path fresh = directory.resolve("fresh");
    Path indexFile = fresh.resolve(AlarmIndex.FILE_NAME);
    try (var unused = Namespaces.reminders(fresh, log)) {
      assertNull(log.next(QUIET));
      assertFalse(Files.exists(indexFile));
    }
    try (var used = Namespaces.reminders(fresh, log)) {
      DurableObjectId first = used.idFromName("first");
      used.get(first).remindAt(Instant.now().plusMillis(100));
      assertTrue(Files.exists(indexFile));
      assertEquals(first, log.next(DELIVERY_WAIT).id());
    }
  }

  /** So that a crash between the two writes leaves the index early, never late or empty. */
  @Test
  void theIndexLearnsOfAnAlarmBeforeTheObjectCommitsIt() {
    Instant at = Instant.now().plus(Duration.ofHours(1));
    List<DurableObjectId> indexedBeforeCommit = new ArrayList<>();

    reminders
        .get(id)
        .remindAtWhile(
            at,
            () -> {
              try (AlarmIndex index = AlarmIndex.open(directory)) {
                indexedBeforeCommit.addAll(index.due(at, 10));
              }
            });

    assertEquals(List.of(id), indexedBeforeCommit);
  }

  @Test
  void anIndexEntryWithoutAnAlarmIsDroppedWithoutDelivery() throws Exception {
    reminders.close();
    try (AlarmIndex index = AlarmIndex.open(directory)) {
      index.lower(id, Instant.now()); // as if the process died before the object wrote its alarm
    }

    reminders = Namespaces.reminders(directory, log);
    assertNull(log.next(QUIET));
    reminders.close();

    try (AlarmIndex index = AlarmIndex.open(directory)) {
      assertEquals(List.of(), index.due(Instant.now().plus(Duration.ofDays(1)), 10));
    }
    reminders = Namespaces.reminders(directory, log);
  }

  @Test
  void aClassWithoutAnAlarmHandlerCannotSetAnAlarm() {
    try (var scratch = Namespaces.scratch(directory.resolve("scratch"))) {
      var storage = scratch.get(scratch.idFromName("no handler")).storage();
      IllegalStateException rejected =
          assertThrows(IllegalStateException.class, () -> storage.setAlarm(Instant.now()));
      assertTrue(rejected.getMessage().contains("AlarmHandler"), rejected.getMessage());
      assertEquals(Optional.empty(), storage.getAlarm());
    }
  }
}
