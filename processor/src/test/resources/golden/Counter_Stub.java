package com.example;

import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.binding.KvNamespace;
import dev.outbound.spi.ObjectActor;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Runs every public method of {@link Counter} through the object's actor, one call at a time.
 */
@Generated("dev.outbound.processor.OutboundProcessor")
final class Counter_Stub extends Counter {
    /**
     * Null while {@link Counter}'s constructor runs: calls it makes to its own public methods then
     * run directly, as nothing else can reach the object yet.
     */
    private final ObjectActor actor;

    Counter_Stub(ObjectActor actor, DurableObjectState state, KvNamespace audit,
            DurableObjectNamespace<Counter> siblings) {
        super(state, audit, siblings);
        this.actor = actor;
    }

    @Override
    public long increment(int by) {
        if (actor == null) {
            return super.increment(by);
        }
        return actor.call(() -> super.increment(by));
    }

    @Override
    public void reset() {
        if (actor == null) {
            super.reset();
        } else {
            actor.run(() -> super.reset());
        }
    }

    @Override
    public void export(Writer out) throws IOException {
        if (actor == null) {
            super.export(out);
        } else {
            actor.call(() -> {
                super.export(out);
                return null;
            });
        }
    }

    @Override
    public <T extends Comparable<T>> T largest(List<T> values) {
        if (actor == null) {
            return super.largest(values);
        }
        return actor.call(() -> super.largest(values));
    }

    @Override
    public List<String> entries() {
        if (actor == null) {
            return super.entries();
        }
        return actor.call(() -> super.entries());
    }
}
