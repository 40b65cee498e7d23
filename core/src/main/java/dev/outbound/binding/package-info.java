/**
 * Binding interfaces that handlers use: KV namespaces, object buckets, durable objects and secrets,
 * modelled on Cloudflare's Workers bindings.
 *
 * <p>Shared rules: arguments are never null ({@link java.lang.NullPointerException} otherwise); a
 * key, value, metadata, range or list over a documented limit throws {@link
 * dev.outbound.binding.BindingLimitException}; failures of the backing store are unchecked ({@link
 * java.io.UncheckedIOException} when I/O failed); implementations are thread-safe; keys are
 * measured and listed by their UTF-8 encoding ({@link dev.outbound.binding.Utf8}).
 */
package dev.outbound.binding;
