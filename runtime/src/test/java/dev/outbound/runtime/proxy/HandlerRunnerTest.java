package dev.outbound.runtime.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.OutboundResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerRunnerTest {

  private final HandlerRunner runner = new HandlerRunner(Duration.ofMillis(200));

  @AfterEach
  void close() {
    runner.close();
  }

  @Test
  void runsTheHandlerOnTheCallersThread() throws Exception {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    OutboundResponse answer = OutboundResponse.ok("hi");
    OutboundResponse response =
        runner.run(
            () -> {
              ranOn.set(Thread.currentThread());
              return answer;
            });
    assertSame(answer, response);
    assertSame(Thread.currentThread(), ranOn.get());
  }

  @Test
  void whatTheHandlerThrowsComesBackAsTheCause() {
    ExecutionException thrown =
        assertThrows(
            ExecutionException.class,
            () ->
                runner.run(
                    () -> {
                      throw new IllegalStateException("boom");
                    }));
    assertInstanceOf(IllegalStateException.class, thrown.getCause());
    assertEquals("boom", thrown.getCause().getMessage());
  }

  @Test
  void aBlockedHandlerIsInterruptedAtTheLimitAndTheThreadIsLeftClean() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    long started = System.nanoTime();
    assertThrows(
        TimeoutException.class,
        () ->
            runner.run(
                () -> {
                  never.await();
                  return OutboundResponse.ok("too late");
                }));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(tookMillis >= 200 && tookMillis < 2_000, "took " + tookMillis + " ms");
    assertFalse(Thread.currentThread().isInterrupted(), "the interrupt was not cleared");
    // the next call on the same thread runs normally
    assertEquals(200, runner.run(() -> OutboundResponse.ok("next")).status());
  }

  @Test
  void aHandlerThatIgnoresTheInterruptStillCountsAsTimedOut() {
    assertThrows(
        TimeoutException.class,
        () ->
            runner.run(
                () -> {
                  long until = System.nanoTime() + 400_000_000L;
                  while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                  }
                  return OutboundResponse.ok("late");
                }));
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void everyOneOfManyBlockedCallsTimesOut() throws Exception {
    // more calls at once than the watchdog's slot array holds, so some go to its overflow set
    int calls = 5_000;
    CountDownLatch never = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger timedOut =
        new java.util.concurrent.atomic.AtomicInteger();
    try (java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < calls; i++) {
        threads.submit(
            () -> {
              try {
                runner.run(
                    () -> {
                      never.await();
                      return OutboundResponse.ok("too late");
                    });
              } catch (TimeoutException e) {
                timedOut.incrementAndGet();
              } catch (ExecutionException e) {
                throw new AssertionError(e);
              }
            });
      }
    }
    assertEquals(calls, timedOut.get());
  }

  @Test
  void quickCallsAreNeverInterruptedLater() throws Exception {
    for (int i = 0; i < 1_000; i++) {
      runner.run(() -> OutboundResponse.ok("quick"));
    }
    Thread.sleep(400);
    assertFalse(Thread.currentThread().isInterrupted(), "a finished call was interrupted");
  }
}
