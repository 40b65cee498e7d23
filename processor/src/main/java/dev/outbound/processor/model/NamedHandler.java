package dev.outbound.processor.model;

import java.util.Optional;

/**
 * An {@code @OutboundHandler} method.
 *
 * @param paramsRecord the record its params are decoded into; empty when it takes {@code Params}
 *     itself or no params at all
 */
public record NamedHandler(
    String name, HandlerMethod method, Optional<ParamsRecord> paramsRecord) {}
