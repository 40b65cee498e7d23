package com.example;

import dev.outbound.DurableObject;
import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.binding.KvNamespace;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.List;

@DurableObject
public class Counter extends Ledger<String> {

    private final DurableObjectState state;

    @Inject
    Counter(DurableObjectState state,
            @Named("AUDIT") KvNamespace audit,
            @Named("COUNTERS") DurableObjectNamespace<Counter> siblings) {
        this.state = state;
    }

    public long increment(int by) {
        long value = state.storage().getText("value").map(Long::parseLong).orElse(0L) + by;
        state.storage().putText("value", Long.toString(value));
        record("+" + by);
        return value;
    }

    public void reset() {
        state.storage().delete("value");
    }

    public void export(Writer out) throws IOException {
        out.write(state.storage().getText("value").orElse("0"));
    }

    public <T extends Comparable<T>> T largest(List<T> values) {
        return Collections.max(values);
    }

    /** Not run through the actor: the runtime's logging calls it. */
    @Override
    public String toString() {
        return "Counter " + state.id();
    }

    /** Not run through the actor: only public methods are. */
    long peek() {
        return state.storage().getText("value").map(Long::parseLong).orElse(0L);
    }
}
