package dev.outbound.runtime.binding.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.DurableObjectId;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.binding.DurableObjectStorage;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.DurableObjectDefinition;
import dev.outbound.spi.ObjectActor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A broken lock would hang rather than fail: the timeout turns that into a failure. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ActorTest {

  private static final int CALLS = 200;

  @TempDir Path directory;

  @Test
  void concurrentCallsThroughTheStubLoseNoUpdate() throws Exception {
    try (var counters = Namespaces.counters(directory, new ActivationLog(), 10)) {
      DurableObjectId id = counters.idFromName("shared");

      incrementConcurrently(() -> counters.get(id));

      assertEquals(CALLS, counters.get(id).value());
    }
  }

  /** The same calls without the actor lose updates, so the test above can see a missing actor. */
  @Test
  void withoutTheActorTheSameCallsLoseUpdates() throws Exception {
    DurableObjectDefinition<Counter> unguarded = new DurableObjectDefinition<>() {
      @Override
      public Class<Counter> objectClass() {
        return Counter.class;
      }

      @Override
      public List<BindingRequirement> bindings() {
        return List.of();
      }

      @Override
      public Counter activate(DurableObjectState state, ObjectActor actor, BindingResolver b) {
        return new Counter(state, new ActivationLog()); // the class itself: no stub, no actor
      }
    };
    try (var counters = new SqliteDurableObjectNamespace<>("counters", directory, unguarded,
        TestBindings.of("activations", new ActivationLog()), Clock.systemUTC(),
        DurableObjectSettings.DEFAULT)) {
      DurableObjectId id = counters.idFromName("shared");

      incrementConcurrently(() -> counters.get(id));

      assertTrue(counters.get(id).value() < CALLS, "updates were lost");
    }
  }

  @Test
  void aMethodMayCallAnotherMethodOfItsObject() {
    try (var counters = Namespaces.counters(directory, new ActivationLog(), 10)) {
      Counter counter = counters.get(counters.idFromName("reentrant"));
      assertTimeoutPreemptively(
          Duration.ofSeconds(5), () -> assertEquals(2, counter.incrementTwice()));
    }
  }

  @Test
  void checkedExceptionsPassThroughTheActorUnwrapped() {
    ObjectActor[] captured = new ObjectActor[1];
    DurableObjectDefinition<Counter> capturing = new DurableObjectDefinition<>() {
      @Override
      public Class<Counter> objectClass() {
        return Counter.class;
      }

      @Override
      public List<BindingRequirement> bindings() {
        return List.of();
      }

      @Override
      public Counter activate(DurableObjectState state, ObjectActor actor, BindingResolver b) {
        captured[0] = actor;
        return new Counter_DurableObject().activate(state, actor, b);
      }
    };
    try (var counters = new SqliteDurableObjectNamespace<>("counters", directory, capturing,
        TestBindings.of("activations", new ActivationLog()), Clock.systemUTC(),
        DurableObjectSettings.DEFAULT)) {
      counters.get(counters.idFromName("checked"));
      IOException thrown = new IOException("disk");

      IOException caught = assertThrows(IOException.class, () -> captured[0].call(() -> {
        throw thrown;
      }));

      assertSame(thrown, caught);
    }
  }

  @Test
  void aCallWaitsForTheRunningCallOfItsObjectButNotOfOthers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (var scratch = Namespaces.scratch(directory);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        AutoCloseable unblock = release::countDown) { // closed first, so a failure cannot hang
      DurableObjectStorage busy = scratch.get(scratch.idFromName("busy")).storage();
      DurableObjectStorage other = scratch.get(scratch.idFromName("other")).storage();
      CountDownLatch inside = new CountDownLatch(1);
      Future<?> running = threads.submit(() -> busy.transaction(tx -> {
        tx.putText("step", "running");
        inside.countDown();
        await(release);
        return null;
      }));
      assertTrue(inside.await(5, TimeUnit.SECONDS));

      other.putText("free", "yes"); // another object: not blocked
      Future<Optional<String>> waiting = threads.submit(() -> busy.getText("step"));
      assertThrows(TimeoutException.class, () -> waiting.get(200, TimeUnit.MILLISECONDS));

      release.countDown();
      running.get(5, TimeUnit.SECONDS);
      assertEquals(Optional.of("running"), waiting.get(5, TimeUnit.SECONDS));
      assertFalse(other.getText("free").isEmpty());
    }
  }

  private static void incrementConcurrently(Supplier<Counter> counter)
      throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        calls.add(threads.submit(() -> {
          start.await();
          return counter.get().increment();
        }));
      }
      start.countDown();
      for (Future<Long> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
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
