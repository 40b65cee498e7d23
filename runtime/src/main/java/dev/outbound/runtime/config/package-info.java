/**
 * {@code outbound.yaml} and its environment overrides (SPEC §5), read through Helidon Config into
 * an {@link dev.outbound.runtime.config.OutboundConfig}, with every problem collected for one
 * report.
 */
package dev.outbound.runtime.config;
