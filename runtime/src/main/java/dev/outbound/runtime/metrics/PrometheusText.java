package dev.outbound.runtime.metrics;

import java.math.BigDecimal;

/**
 * Prometheus text exposition format 0.0.4: {@code # HELP} and {@code # TYPE} lines per family, then
 * one line per sample.
 */
public final class PrometheusText {

  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder text = new StringBuilder(4096);

  /** Starts a family; its samples follow. */
  public void family(String name, String type, String help) {
    text.append("# HELP ").append(name).append(' ');
    escape(help, false);
    text.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /**
   * @param labels alternating label names and values
   */
  public void sample(String name, String[] labels, long value) {
    startSample(name, labels);
    text.append(value).append('\n');
  }

  /**
   * @param labels alternating label names and values
   * @param value a number as Prometheus writes it, e.g. {@code 0.25} or {@code +Inf}
   */
  public void sample(String name, String[] labels, String value) {
    startSample(name, labels);
    text.append(value).append('\n');
  }

  /** A whole number of nanoseconds in seconds, exactly: {@code 250000} is {@code 0.00025}. */
  public static String seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private void startSample(String name, String[] labels) {
    text.append(name);
    if (labels.length > 0) {
      text.append('{');
      for (int i = 0; i < labels.length; i += 2) {
        if (i > 0) {
          text.append(',');
        }
        text.append(labels[i]).append("=\"");
        escape(labels[i + 1], true);
        text.append('"');
      }
      text.append('}');
    }
    text.append(' ');
  }

  /** Label values escape backslash, quote and newline; help text only backslash and newline. */
  private void escape(String value, boolean quote) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '"' -> text.append(quote ? "\\\"" : "\"");
        default -> text.append(c);
      }
    }
  }
}
