/**
 * The proxy's metrics, published as Prometheus text on the admin listener's {@code
 * /observe/metrics}: counters and latency histograms kept in {@link
 * java.util.concurrent.atomic.LongAdder}s that a request updates with a couple of additions,
 * formatted only when scraped.
 */
package dev.outbound.runtime.metrics;
