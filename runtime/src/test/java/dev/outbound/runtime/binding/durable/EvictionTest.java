package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.DurableObjectId;
import dev.outbound.binding.DurableObjectStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A broken lock would hang rather than fail: the timeout turns that into a failure. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EvictionTest {

  @TempDir Path directory;
  private final ActivationLog activations = new ActivationLog();

  @Test
  void evictedObjectsCloseAndReactivateWithTheirState() {
    try (var counters = Namespaces.counters(directory, activations, 2)) {
      List<DurableObjectId> ids =
          IntStream.range(0, 5).mapToObj(i -> counters.idFromName("c" + i)).toList();

      ids.forEach(id -> counters.get(id).increment());
      assertEquals(5, activations.total());
      eventually(() -> counters.openObjectCount() <= 2);

      ids.forEach(id -> assertEquals(2, counters.get(id).increment()));
      for (DurableObjectId id : ids) {
        assertTrue(activations.activations(id) <= 2);
      }
      assertTrue(activations.total() >= 5 + 3, "three or more objects were constructed again");
      eventually(() -> counters.openObjectCount() <= 2);
    }
  }

  @Test
  void aStubHeldAcrossItsEvictionReopensItsObject() {
    try (var counters = Namespaces.counters(directory, activations, 1)) {
      DurableObjectId held = counters.idFromName("held");
      Counter stub = counters.get(held);
      stub.increment();

      counters.get(counters.idFromName("other")).increment();
      eventually(() -> counters.openObjectCount() == 1);

      assertEquals(2, stub.increment());
      assertEquals(1, activations.activations(held), "the same instance, not a new activation");
    }
  }

  @Test
  void aStubOfAnActivationThatWasReplacedFails() {
    try (var counters = Namespaces.counters(directory, activations, 1)) {
      DurableObjectId id = counters.idFromName("replaced");
      DurableObjectId other = counters.idFromName("other");
      Counter old = counters.get(id);
      old.increment();
      counters.get(other).increment(); // evicts the first activation
      Counter current = counters.get(id); // a second activation
      assertEquals(2, current.increment());

      IllegalStateException stale = assertThrows(IllegalStateException.class, old::increment);
      assertTrue(stale.getMessage().contains("get(id)"), stale.getMessage());

      counters.get(other).increment(); // evicts the second activation too
      eventually(() -> counters.openObjectCount() == 1);
      assertThrows(IllegalStateException.class, old::increment);
      assertEquals(3, counters.get(id).increment());
    }
  }

  @Test
  void anEvictedObjectClosesOnlyAfterItsRunningCallAndIsNotActivatedTwice() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (var scratch = new SqliteDurableObjectNamespace<>("scratch", directory,
            new Scratch_DurableObject(), new TestBindings(Map.of()), Clock.systemUTC(),
            new DurableObjectSettings(1, AlarmBackoff.DEFAULT));
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        AutoCloseable unblock = release::countDown) { // closed first, so a failure cannot hang
      DurableObjectId busyId = scratch.idFromName("busy");
      DurableObjectStorage busy = scratch.get(busyId).storage();
      CountDownLatch inside = new CountDownLatch(1);
      Future<?> running = threads.submit(() -> busy.transaction(tx -> {
        inside.countDown();
        await(release);
        tx.putText("written", "after eviction");
        return null;
      }));
      assertTrue(inside.await(5, TimeUnit.SECONDS));

      scratch.get(scratch.idFromName("other")); // evicts the busy object mid-call
      Thread.sleep(100);
      assertEquals(2, scratch.openObjectCount(), "the busy object stays open for its call");
      Future<Optional<String>> reactivated =
          threads.submit(() -> scratch.get(busyId).storage().getText("written"));
      assertThrows(TimeoutException.class, () -> reactivated.get(300, TimeUnit.MILLISECONDS));

      release.countDown();
      running.get(5, TimeUnit.SECONDS);
      assertEquals(Optional.of("after eviction"), reactivated.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void closingTheNamespaceClosesEveryObject() {
    var counters = Namespaces.counters(directory, activations, 10);
    Counter counter = counters.get(counters.idFromName("c"));
    counter.increment();
    counters.close();

    assertEquals(0, counters.openObjectCount());
    assertThrows(IllegalStateException.class, counter::increment);
    assertThrows(IllegalStateException.class, () -> counters.get(counters.idFromName("c")));
    assertFalse(activations.total() > 1);
  }

  private static void eventually(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
