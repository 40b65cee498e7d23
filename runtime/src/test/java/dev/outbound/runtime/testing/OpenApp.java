package dev.outbound.runtime.testing;

/** {@code open-app}: no handlers at all, internet on; for passthrough and allow-list tests. */
public final class OpenApp {}
