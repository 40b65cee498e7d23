package dev.outbound.spi;

import dev.outbound.host.Authority;
import java.util.Set;

/** The generated routing table of one container class ({@code <Class>_OutboundRoutes}). */
public interface RouteTable<T> {

  /** The most specific {@code @OutboundHost} route for the destination, or {@code null}. */
  Route<T> forHost(Authority authority);

  /** The {@code @Outbound} catch-all, or {@code null}. */
  Route<T> catchAll();

  /** The {@code @OutboundHandler} of that name, or {@code null}. */
  NamedRoute<T> named(String name);

  /** Names of every {@code @OutboundHandler}. */
  Set<String> namedHandlers();
}
