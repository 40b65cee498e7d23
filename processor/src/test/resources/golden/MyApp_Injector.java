package com.example;

import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.Secret;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Creates {@link MyApp} with the bindings its constructor declares.
 */
@Generated("dev.outbound.processor.OutboundProcessor")
public final class MyApp_Injector {
    public static final List<BindingRequirement> BINDINGS = List.of(
            new BindingRequirement("KV", KvNamespace.class, "KvNamespace", "com.example.MyApp(kv)"),
            new BindingRequirement("BUCKET", ObjectBucket.class, "ObjectBucket", "com.example.MyApp(bucket)"),
            new BindingRequirement("GITHUB_TOKEN", Secret.class, "Secret", "com.example.MyApp(token)"),
            new BindingRequirement("COUNTERS", DurableObjectNamespace.class, "DurableObjectNamespace<MyApp.Counter>", "com.example.MyApp(counters)"));

    private MyApp_Injector() {
    }

    @SuppressWarnings("unchecked")
    public static MyApp create(BindingResolver bindings) {
        return new MyApp(
                bindings.binding("KV", KvNamespace.class),
                bindings.binding("BUCKET", ObjectBucket.class),
                bindings.binding("GITHUB_TOKEN", Secret.class),
                (DurableObjectNamespace<MyApp.Counter>) bindings.binding("COUNTERS", DurableObjectNamespace.class));
    }
}
