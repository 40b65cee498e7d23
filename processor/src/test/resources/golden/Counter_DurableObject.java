package com.example;

import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.binding.KvNamespace;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.DurableObjectDefinition;
import dev.outbound.spi.ObjectActor;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Activates {@link Counter} durable objects, found by {@link java.util.ServiceLoader}.
 */
@Generated("dev.outbound.processor.OutboundProcessor")
public final class Counter_DurableObject implements DurableObjectDefinition<Counter> {
    private static final List<BindingRequirement> BINDINGS = List.of(
            new BindingRequirement("AUDIT", KvNamespace.class, "KvNamespace", "com.example.Counter(audit)"),
            new BindingRequirement("COUNTERS", DurableObjectNamespace.class, "DurableObjectNamespace<Counter>", "com.example.Counter(siblings)"));

    @Override
    public Class<Counter> objectClass() {
        return Counter.class;
    }

    @Override
    public List<BindingRequirement> bindings() {
        return BINDINGS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Counter activate(DurableObjectState state, ObjectActor actor, BindingResolver bindings) {
        return new Counter_Stub(
                actor,
                state,
                bindings.binding("AUDIT", KvNamespace.class),
                (DurableObjectNamespace<Counter>) bindings.binding("COUNTERS", DurableObjectNamespace.class));
    }
}
