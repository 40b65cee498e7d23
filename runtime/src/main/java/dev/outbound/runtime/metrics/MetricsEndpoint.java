package dev.outbound.runtime.metrics;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /observe/metrics}: every source's families as Prometheus text. */
public final class MetricsEndpoint implements Handler {

  private final List<MetricsSource> sources;

  public MetricsEndpoint(List<MetricsSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public void handle(ServerRequest request, ServerResponse response) {
    response.header(HeaderNames.CONTENT_TYPE, PrometheusText.CONTENT_TYPE);
    response.send(scrape().getBytes(StandardCharsets.UTF_8));
  }

  /** The current text, as a scrape would get it. */
  public String scrape() {
    PrometheusText text = new PrometheusText();
    for (MetricsSource source : sources) {
      source.writeTo(text);
    }
    return text.toString();
  }
}
