package com.example;

import dev.outbound.DurableObject;
import dev.outbound.Outbound;
import dev.outbound.OutboundContainer;
import dev.outbound.OutboundContext;
import dev.outbound.OutboundHandler;
import dev.outbound.OutboundHost;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.Params;
import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.Secret;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Map;

@OutboundContainer(
        name = "my-app",
        allowedHosts = {"my.kv", "*.R2.example", "api.github.com:443"},
        deniedHosts = "*.evil.example",
        interceptHttps = true)
public final class MyApp {

    @DurableObject
    public static class Counter {
    }

    public record GithubParams(
            String repo,
            int limit,
            Boolean draft,
            long since,
            Double ratio,
            List<String> labels,
            Map<String, String> headers) {
    }

    private final KvNamespace kv;

    @Inject
    MyApp(@Named("KV") KvNamespace kv,
          @Named("BUCKET") ObjectBucket bucket,
          @Named("GITHUB_TOKEN") Secret token,
          @Named("COUNTERS") DurableObjectNamespace<Counter> counters) {
        this.kv = kv;
    }

    @OutboundHost("MY.KV.")
    OutboundResponse kv(OutboundRequest request) {
        return OutboundResponse.ok("kv");
    }

    @OutboundHost("*.r2.example")
    @OutboundHost("10.0.0.0/8")
    OutboundResponse r2(OutboundRequest request, OutboundContext context) {
        return OutboundResponse.ok("r2");
    }

    @OutboundHandler("github")
    OutboundResponse github(OutboundRequest request, OutboundContext context, GithubParams params) {
        return OutboundResponse.ok("github");
    }

    @OutboundHandler("echo-params")
    OutboundResponse echoParams(Params params) {
        return OutboundResponse.ok(params.toJson());
    }

    @Outbound
    OutboundResponse any(OutboundContext context, OutboundRequest request) throws IOException {
        return context.fetch(request);
    }
}
