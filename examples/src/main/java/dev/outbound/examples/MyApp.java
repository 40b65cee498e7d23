package dev.outbound.examples;

import dev.outbound.Outbound;
import dev.outbound.OutboundContainer;
import dev.outbound.OutboundContext;
import dev.outbound.OutboundHost;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.ObjectBucket;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The seed's {@code MyApp}: {@code http://my.kv/<key>} is a KV namespace, {@code http://my.r2/<key>} an
 * object bucket, and every other allowed host is passed on to the internet. HTTPS is intercepted, so
 * {@code https://my.kv/<key>} reaches the same handler.
 */
@OutboundContainer(
    name = "my-app",
    allowedHosts = {"my.kv", "my.r2", "api.github.com"},
    interceptHttps = true)
public final class MyApp {

  private final KvNamespace kv;
  private final ObjectBucket bucket;

  @Inject
  MyApp(@Named("KV") KvNamespace kv, @Named("BUCKET") ObjectBucket bucket) {
    this.kv = kv;
    this.bucket = bucket;
  }

  @OutboundHost("my.kv")
  OutboundResponse kv(OutboundRequest request) {
    return new KvHttp(kv).serve(request);
  }

  @OutboundHost("my.r2")
  OutboundResponse r2(OutboundRequest request) throws IOException {
    return new BucketHttp(bucket).serve(request);
  }

  @Outbound
  OutboundResponse any(OutboundRequest request, OutboundContext ctx) throws IOException {
    return ctx.fetch(request);
  }
}
