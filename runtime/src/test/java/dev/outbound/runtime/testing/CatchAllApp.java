package dev.outbound.runtime.testing;

/** {@code catchall-app}: a static {@code @Outbound} catch-all, internet off. */
public final class CatchAllApp {}
