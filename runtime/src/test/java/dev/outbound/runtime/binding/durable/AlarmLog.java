package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.AlarmInfo;
import dev.outbound.binding.DurableObjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A binding {@link Reminder} takes: records deliveries and fails as many as the test asks. */
final class AlarmLog {

  record Delivery(DurableObjectId id, AlarmInfo info, Instant at) {}

  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final AtomicInteger failuresToInject = new AtomicInteger();

  /** Makes the next {@code count} deliveries throw after being recorded. */
  void failNext(int count) {
    failuresToInject.set(count);
  }

  void record(DurableObjectId id, AlarmInfo info) {
    deliveries.add(new Delivery(id, info, Instant.now()));
    if (failuresToInject.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      throw new IllegalStateException("injected alarm failure");
    }
  }

  /** Returns the next delivery, or null if none comes within {@code timeout}. */
  Delivery next(Duration timeout) throws InterruptedException {
    return deliveries.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
