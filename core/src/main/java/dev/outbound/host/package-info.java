/**
 * Host normalisation and host patterns (SPEC §4.3), shared by the annotation processor, config
 * loading and the proxy so that every part of Outbound reads a host the same way.
 *
 * <p>{@link dev.outbound.host.HostNormalizer} turns request hosts into {@link
 * dev.outbound.host.Authority} values; {@link dev.outbound.host.HostPattern} parses patterns;
 * {@link dev.outbound.host.HostMatcher} finds the most specific pattern for an authority.
 */
package dev.outbound.host;
