package dev.outbound.processor.model;

/**
 * One {@code @OutboundHost} annotation.
 *
 * @param pattern the host pattern in canonical form ({@code HostPattern.text()})
 */
public record HostRoute(String pattern, HandlerMethod method) {}
