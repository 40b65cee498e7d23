package dev.outbound.runtime.proxy;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;

/**
 * Requests, denials and latency per container class and decision, published on the admin listener's
 * {@code /observe/metrics} as Prometheus text.
 */
public final class ProxyMetrics {

    private final MeterRegistry registry;

    public ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String containerClass, String decision, long durationNanos) {
        List<Tag> tags = List.of(Tag.create("class", containerClass), Tag.create("decision", decision));
        registry.getOrCreate(Counter.builder("outbound.requests").tags(tags)).increment();
        registry.getOrCreate(Timer.builder("outbound.request.duration")
                        .tags(tags)
                        .publishPercentileHistogram(true))
                .record(Duration.ofNanos(durationNanos));
    }

    void denial(String containerClass, String rule) {
        registry.getOrCreate(Counter.builder("outbound.denials")
                .tags(List.of(Tag.create("class", containerClass), Tag.create("rule", rule)))).increment();
    }

    void unattributed(String reason) {
        registry.getOrCreate(Counter.builder("outbound.rejected")
                .tags(List.of(Tag.create("reason", reason)))).increment();
    }
}
