package dev.outbound.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void aHistogramCountsEachDurationInItsBucketAndCumulates() {
    LatencyHistogram latency = new LatencyHistogram();
    latency.record(100_000); // 0.1 ms: the first bucket
    latency.record(250_000); // exactly on the first bound: still the first
    latency.record(250_001); // just over it: the second
    latency.record(3_000_000_000L); // 3 s
    latency.record(60_000_000_000L); // over the last bound: +Inf only
    latency.record(-5); // a clock step backwards counts as zero

    PrometheusText out = new PrometheusText();
    latency.writeTo(out, "d", "class", "c");
    List<String> lines = out.toString().lines().toList();

    assertEquals("d_bucket{class=\"c\",le=\"0.00025\"} 3", lines.get(0));
    assertEquals("d_bucket{class=\"c\",le=\"0.0005\"} 4", lines.get(1));
    assertTrue(lines.contains("d_bucket{class=\"c\",le=\"2.5\"} 4"), lines.toString());
    assertTrue(lines.contains("d_bucket{class=\"c\",le=\"5\"} 5"), lines.toString());
    assertTrue(lines.contains("d_bucket{class=\"c\",le=\"30\"} 5"), lines.toString());
    assertTrue(lines.contains("d_bucket{class=\"c\",le=\"+Inf\"} 6"), lines.toString());
    assertTrue(lines.contains("d_sum{class=\"c\"} 63.000600001"), lines.toString());
    assertTrue(lines.contains("d_count{class=\"c\"} 6"), lines.toString());
    assertEquals(6, latency.count());
  }

  @Test
  void labelValuesAndHelpAreEscaped() {
    PrometheusText out = new PrometheusText();
    out.family("x_total", "counter", "a \\ help\nline");
    out.sample("x_total", new String[] {"rule", "deniedHosts:\"q\"\\\n"}, 7);
    assertEquals(
        "# HELP x_total a \\\\ help\\nline\n"
            + "# TYPE x_total counter\n"
            + "x_total{rule=\"deniedHosts:\\\"q\\\"\\\\\\n\"} 7\n",
        out.toString());
  }

  @Test
  void secondsAreExactDecimals() {
    assertEquals("0.00025", PrometheusText.seconds(250_000));
    assertEquals("1", PrometheusText.seconds(1_000_000_000));
    assertEquals("0", PrometheusText.seconds(0));
    assertEquals("12.000000001", PrometheusText.seconds(12_000_000_001L));
  }

  @Test
  void theJvmFamiliesAreThere() {
    PrometheusText out = new PrometheusText();
    new JvmMetrics().writeTo(out);
    String text = out.toString();
    assertTrue(text.contains("\njvm_memory_used_bytes{area=\"heap\"} "), text);
    assertTrue(text.contains("# TYPE jvm_gc_collections_total counter\n"), text);
    assertTrue(text.contains("\nprocess_open_fds "), text);
  }
}
