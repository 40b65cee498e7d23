package dev.outbound.runtime.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations counted into fixed buckets, as a Prometheus histogram: recording one is a short scan of
 * the bounds and two additions, with no lock and no allocation.
 */
public final class LatencyHistogram {

  /** Upper bounds in nanoseconds: from a cached answer to a handler that runs into its limit. */
  private static final long[] BOUNDS_NANOS = {
    250_000L,
    500_000L,
    1_000_000L,
    2_000_000L,
    5_000_000L,
    10_000_000L,
    25_000_000L,
    50_000_000L,
    100_000_000L,
    250_000_000L,
    500_000_000L,
    1_000_000_000L,
    2_500_000_000L,
    5_000_000_000L,
    10_000_000_000L,
    30_000_000_000L,
  };

  /** One count per bound, then one for everything above the last. */
  private final LongAdder[] counts = new LongAdder[BOUNDS_NANOS.length + 1];

  private final LongAdder sumNanos = new LongAdder();

  public LatencyHistogram() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  public void record(long nanos) {
    long duration = Math.max(0, nanos);
    int bucket = 0;
    while (bucket < BOUNDS_NANOS.length && duration > BOUNDS_NANOS[bucket]) {
      bucket++;
    }
    counts[bucket].increment();
    sumNanos.add(duration);
  }

  /** How many durations were recorded. */
  public long count() {
    long count = 0;
    for (LongAdder bucket : counts) {
      count += bucket.sum();
    }
    return count;
  }

  /**
   * Writes {@code NAME_bucket} (cumulative, {@code le} in seconds), {@code NAME_sum} and {@code
   * NAME_count} samples with the given labels (alternating names and values).
   */
  public void writeTo(PrometheusText out, String name, String... labels) {
    String[] withBound = Arrays.copyOf(labels, labels.length + 2);
    withBound[labels.length] = "le";
    long cumulative = 0;
    for (int i = 0; i < counts.length; i++) {
      cumulative += counts[i].sum();
      withBound[labels.length + 1] =
          i < BOUNDS_NANOS.length ? PrometheusText.seconds(BOUNDS_NANOS[i]) : "+Inf";
      out.sample(name + "_bucket", withBound, cumulative);
    }
    out.sample(name + "_sum", labels, PrometheusText.seconds(sumNanos.sum()));
    out.sample(name + "_count", labels, cumulative);
  }
}
