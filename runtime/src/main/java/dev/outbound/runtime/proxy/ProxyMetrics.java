package dev.outbound.runtime.proxy;

import dev.outbound.runtime.metrics.LatencyHistogram;
import dev.outbound.runtime.metrics.MetricsSource;
import dev.outbound.runtime.metrics.PrometheusText;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Requests, denials and latency per container class and decision (SPEC §6), for the admin
 * listener's {@code /observe/metrics}.
 *
 * <p>A request finds its meters with two map lookups (by class, then by decision or rule) and
 * updates them with two additions; nothing is allocated or locked. A meter registry (Micrometer,
 * through Helidon) cost the proxy about a tenth of its time per request, and as much again at
 * start.
 */
public final class ProxyMetrics implements MetricsSource {

  private final Map<String, Map<String, LatencyHistogram>> requests = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> denials = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

  void request(String containerClass, String decision, long durationNanos) {
    meter(byClass(requests, containerClass), decision, LatencyHistogram::new).record(durationNanos);
  }

  void denial(String containerClass, String rule) {
    meter(byClass(denials, containerClass), rule, LongAdder::new).increment();
  }

  /** Requests no container can be held to: no identity, or no readable destination. */
  void unattributed(String reason) {
    meter(rejected, reason, LongAdder::new).increment();
  }

  @Override
  public void writeTo(PrometheusText out) {
    out.family("outbound_requests_total", "counter", "Requests per container class and decision.");
    forEach(
        requests,
        (containerClass, decision, latency) ->
            out.sample(
                "outbound_requests_total",
                new String[] {"class", containerClass, "decision", decision},
                latency.count()));
    out.family(
        "outbound_request_duration_seconds",
        "histogram",
        "Time from a request's arrival to the end of its answer, per class and decision.");
    forEach(
        requests,
        (containerClass, decision, latency) ->
            latency.writeTo(
                out,
                "outbound_request_duration_seconds",
                "class",
                containerClass,
                "decision",
                decision));
    out.family("outbound_denials_total", "counter", "Denied requests per class and rule.");
    forEach(
        denials,
        (containerClass, rule, count) ->
            out.sample(
                "outbound_denials_total",
                new String[] {"class", containerClass, "rule", rule},
                count.sum()));
    out.family(
        "outbound_rejected_total",
        "counter",
        "Requests that proved no container identity or had no readable destination.");
    new TreeMap<>(rejected)
        .forEach(
            (reason, count) ->
                out.sample(
                    "outbound_rejected_total", new String[] {"reason", reason}, count.sum()));
  }

  private interface LabelledMeter<M> {
    void accept(String containerClass, String label, M meter);
  }

  /**
   * Visits every meter sorted by class, then label, so that scrapes list them in a stable order.
   */
  private static <M> void forEach(Map<String, Map<String, M>> meters, LabelledMeter<M> visit) {
    new TreeMap<>(meters)
        .forEach(
            (containerClass, byLabel) ->
                new TreeMap<>(byLabel)
                    .forEach((label, meter) -> visit.accept(containerClass, label, meter)));
  }

  private static <M> Map<String, M> byClass(
      Map<String, Map<String, M>> meters, String containerClass) {
    return meter(meters, containerClass, ConcurrentHashMap::new);
  }

  /** {@code get} first: {@code computeIfAbsent} may lock even when the key is there. */
  private static <M> M meter(Map<String, M> meters, String key, Supplier<M> create) {
    M found = meters.get(key);
    return found != null ? found : meters.computeIfAbsent(key, k -> create.get());
  }
}
