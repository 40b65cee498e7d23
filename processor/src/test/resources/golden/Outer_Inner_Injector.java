package com.example;

import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Creates {@link Outer.Inner} with the bindings its constructor declares.
 */
@Generated("dev.outbound.processor.OutboundProcessor")
public final class Outer_Inner_Injector {
    public static final List<BindingRequirement> BINDINGS = List.of();

    private Outer_Inner_Injector() {
    }

    public static Outer.Inner create(BindingResolver bindings) {
        return new Outer.Inner();
    }
}
