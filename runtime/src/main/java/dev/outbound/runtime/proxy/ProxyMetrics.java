package dev.outbound.runtime.proxy;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests, denials and latency per container class and decision, published on the admin listener's
 * {@code /observe/metrics} as Prometheus text. Meters are looked up once per label set, not per
 * request.
 */
public final class ProxyMetrics {

  private record Labels(String first, String second) {}

  private record RequestMeters(Counter count, Timer latency) {}

  private final MeterRegistry registry;
  private final Map<Labels, RequestMeters> requests = new ConcurrentHashMap<>();
  private final Map<Labels, Counter> denials = new ConcurrentHashMap<>();
  private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

  public ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void request(String containerClass, String decision, long durationNanos) {
    RequestMeters meters =
        requests.computeIfAbsent(
            new Labels(containerClass, decision),
            labels -> {
              List<Tag> tags =
                  List.of(
                      Tag.create("class", labels.first()), Tag.create("decision", labels.second()));
              return new RequestMeters(
                  registry.getOrCreate(Counter.builder("outbound.requests").tags(tags)),
                  registry.getOrCreate(
                      Timer.builder("outbound.request.duration")
                          .tags(tags)
                          .publishPercentileHistogram(true)));
            });
    meters.count().increment();
    meters.latency().record(Duration.ofNanos(durationNanos));
  }

  void denial(String containerClass, String rule) {
    denials
        .computeIfAbsent(
            new Labels(containerClass, rule),
            labels ->
                registry.getOrCreate(
                    Counter.builder("outbound.denials")
                        .tags(
                            List.of(
                                Tag.create("class", labels.first()),
                                Tag.create("rule", labels.second())))))
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
}
