package dev.outbound.runtime.proxy;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Requests, denials and latency per container class and decision, published on the admin listener's
 * {@code /observe/metrics} as Prometheus text.
 *
 * <p>Meters are found with two plain map lookups by class, then by decision or rule, so a request
 * allocates nothing to find them. Latency goes into a fixed set of histogram buckets: Prometheus
 * computes quantiles from buckets, and Micrometer's percentile histogram (about 70 buckets, each
 * kept in a ring of time windows) cost the proxy a tenth of its time per request.
 */
public final class ProxyMetrics {

  /** Bucket bounds from a cached answer to a handler that runs into a long time limit. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofNanos(250_000),
    Duration.ofNanos(500_000),
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
  };

  private record RequestMeters(Counter count, Timer latency) {}

  private final MeterRegistry registry;
  private final Map<String, Map<String, RequestMeters>> requests = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Counter>> denials = new ConcurrentHashMap<>();
  private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

  public ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void request(String containerClass, String decision, long durationNanos) {
    RequestMeters meters =
        byClass(requests, containerClass)
            .computeIfAbsent(decision, key -> requestMeters(containerClass, key));
    meters.count().increment();
    meters.latency().record(durationNanos, TimeUnit.NANOSECONDS);
  }

  void denial(String containerClass, String rule) {
    byClass(denials, containerClass)
        .computeIfAbsent(
            rule,
            key ->
                registry.getOrCreate(
                    Counter.builder("outbound.denials")
                        .tags(
                            List.of(Tag.create("class", containerClass), Tag.create("rule", key)))))
        .increment();
  }

  /** Requests no container can be held to: no identity, or no readable destination. */
  void unattributed(String reason) {
    rejected
        .computeIfAbsent(
            reason,
            key ->
                registry.getOrCreate(
                    Counter.builder("outbound.rejected").tags(List.of(Tag.create("reason", key)))))
        .increment();
  }

  private RequestMeters requestMeters(String containerClass, String decision) {
    List<Tag> tags = List.of(Tag.create("class", containerClass), Tag.create("decision", decision));
    return new RequestMeters(
        registry.getOrCreate(Counter.builder("outbound.requests").tags(tags)),
        registry.getOrCreate(
            Timer.builder("outbound.request.duration").tags(tags).buckets(LATENCY_BUCKETS)));
  }

  /** A class's meters; {@code get} first, because {@code computeIfAbsent} may lock on a hit. */
  private static <T> Map<String, T> byClass(
      Map<String, Map<String, T>> meters, String containerClass) {
    Map<String, T> found = meters.get(containerClass);
    return found != null
        ? found
        : meters.computeIfAbsent(containerClass, key -> new ConcurrentHashMap<>());
  }
}
