package dev.outbound.spi;

/** Supplies configured bindings to generated injectors. */
public interface BindingResolver {

  /**
   * The binding of that name.
   *
   * @throws IllegalStateException when it is missing or not of the requested type
   */
  <B> B binding(String name, Class<B> type);
}
