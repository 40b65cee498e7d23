package dev.outbound.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A valid {@code @OutboundContainer} class as the writers need it: nothing here refers back to
 * source except {@link #element()}, which every generated file names as its origin.
 *
 * @param hostRoutes one entry per {@code @OutboundHost}, in source order; a method with two has two
 * @param bindings the injector's constructor arguments, in order
 */
public record ContainerModel(
    TypeElement element,
    ClassName className,
    String name,
    Policy policy,
    List<HostRoute> hostRoutes,
    Optional<HandlerMethod> catchAll,
    List<NamedHandler> namedHandlers,
    List<BindingParameter> bindings)
    implements ClassModel {

  /**
   * The static policy of the annotation, host patterns in canonical form.
   *
   * @param allowedHosts empty when the annotation left the array empty, which means "not set"
   */
  public record Policy(
      boolean enableInternet,
      Optional<List<String>> allowedHosts,
      List<String> deniedHosts,
      boolean interceptHttps) {}
}
