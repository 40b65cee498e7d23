package dev.outbound.runtime.proxy;

import dev.outbound.OutboundResponse;
import dev.outbound.runtime.watchdog.Watchdog;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Runs handler calls under a time limit, so that a handler that hangs costs its own request a
 * {@code 504} and nothing else.
 *
 * <p>A call runs on the caller's own (virtual) thread: handing each call to a thread of its own
 * cost two thread switches per request. One watchdog thread interrupts calls that run past the
 * limit. A handler blocked in I/O, a lock or a sleep stops there; one that spins without ever
 * blocking is answered {@code 504} when it returns.
 */
final class HandlerRunner implements AutoCloseable {

  private final Duration timeLimit;
  private final long limitNanos;
  private final RunningCalls running = new RunningCalls();
  private final Watchdog watchdog;

  HandlerRunner(Duration timeLimit) {
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("handler time limit must be positive: " + timeLimit);
    }
    this.timeLimit = timeLimit;
    this.limitNanos = timeLimit.toNanos();
    this.watchdog =
        Watchdog.start(
            "outbound-handler-watchdog",
            timeLimit,
            now ->
                running.forEach(
                    call -> {
                      if (now - call.deadline > 0) {
                        call.timeOut();
                      }
                    }));
  }

  Duration timeLimit() {
    return timeLimit;
  }

  /**
   * The handler's response.
   *
   * @throws TimeoutException when it ran past the limit (it was interrupted)
   * @throws ExecutionException with whatever the handler threw
   */
  OutboundResponse run(Callable<OutboundResponse> handler)
      throws TimeoutException, ExecutionException {
    Call call = new Call(Thread.currentThread(), System.nanoTime() + limitNanos);
    int slot = running.add(call);
    OutboundResponse response = null;
    Throwable failure = null;
    try {
      response = handler.call();
    } catch (Throwable e) {
      failure = e;
    } finally {
      running.remove(slot, call);
    }
    if (!call.finish()) {
      throw new TimeoutException("handler ran past " + timeLimit);
    }
    if (failure != null) {
      throw new ExecutionException(failure);
    }
    return response;
  }

  @Override
  public void close() {
    watchdog.close();
  }

  /**
   * The calls in progress, for the watchdog. Each call takes a free slot of a fixed array near its
   * thread's id with one compare-and-set, and frees it with one write: a concurrent set's add and
   * remove cost twice that on every request. Calls beyond the array's reach go into a set.
   */
  private static final class RunningCalls {

    private static final int SLOTS = 4096;
    private static final int PROBES = 16;

    private final AtomicReferenceArray<Call> slots = new AtomicReferenceArray<>(SLOTS);
    private final Set<Call> overflow = ConcurrentHashMap.newKeySet();

    /** Returns the slot taken, or -1 when the call went into the overflow set. */
    int add(Call call) {
      int start = (int) call.thread.threadId();
      for (int probe = 0; probe < PROBES; probe++) {
        int slot = (start + probe) & (SLOTS - 1);
        if (slots.get(slot) == null && slots.compareAndSet(slot, null, call)) {
          return slot;
        }
      }
      overflow.add(call);
      return -1;
    }

    void remove(int slot, Call call) {
      if (slot >= 0) {
        slots.set(slot, null);
      } else {
        overflow.remove(call);
      }
    }

    void forEach(Consumer<Call> action) {
      for (int slot = 0; slot < SLOTS; slot++) {
        Call call = slots.get(slot);
        if (call != null) {
          action.accept(call);
        }
      }
      overflow.forEach(action);
    }
  }

  /** One handler call; its state settles once, to finished or timed out. */
  private static final class Call {

    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int INTERRUPTING = 2;
    private static final int TIMED_OUT = 3;

    private final Thread thread;
    private final long deadline;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    Call(Thread thread, long deadline) {
      this.thread = thread;
      this.deadline = deadline;
    }

    /** Called by the watchdog: interrupts the handler unless it has finished. */
    void timeOut() {
      if (state.compareAndSet(RUNNING, INTERRUPTING)) {
        thread.interrupt();
        state.set(TIMED_OUT);
      }
    }

    /**
     * Called by the handler's thread when the handler returned: false if it timed out, and then the
     * watchdog's interrupt is cleared so that it cannot hit the writing of the {@code 504}.
     */
    boolean finish() {
      if (state.compareAndSet(RUNNING, FINISHED)) {
        return true;
      }
      while (state.get() == INTERRUPTING) {
        Thread.onSpinWait();
      }
      Thread.interrupted();
      return false;
    }
  }
}
