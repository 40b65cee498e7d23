package dev.outbound.runtime.metrics;

/** Something that publishes metric families on a scrape. */
@FunctionalInterface
public interface MetricsSource {

  void writeTo(PrometheusText out);
}
