package dev.outbound.processor.model;

import dev.outbound.binding.DurableObjectState;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Which constructor generated code calls: the {@code @Inject} one, else one without parameters; a
 * durable object may instead have one taking only its {@code DurableObjectState}, which is
 * preferred.
 */
public final class InjectConstructors {

  private InjectConstructors() {}

  public static List<ExecutableElement> annotated(TypeElement type) {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .filter(constructor -> Annotations.has(constructor, Inject.class))
        .toList();
  }

  /** The constructor called when none is annotated {@code @Inject}. */
  public static Optional<ExecutableElement> unannotated(
      TypeElement type, InjectedClass injected, KnownTypes known) {
    Optional<ExecutableElement> stateOnly =
        injected.takesState() ? stateOnly(type, known) : Optional.empty();
    return stateOnly.or(() -> noArgument(type));
  }

  /** The constructor of a class that passed validation. */
  public static ExecutableElement selected(
      TypeElement type, InjectedClass injected, KnownTypes known) {
    List<ExecutableElement> annotated = annotated(type);
    return annotated.isEmpty()
        ? unannotated(type, injected, known).orElseThrow()
        : annotated.get(0);
  }

  private static Optional<ExecutableElement> noArgument(TypeElement type) {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .filter(constructor -> constructor.getParameters().isEmpty())
        .findFirst();
  }

  private static Optional<ExecutableElement> stateOnly(TypeElement type, KnownTypes known) {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .filter(
            constructor ->
                constructor.getParameters().size() == 1
                    && known.is(
                        constructor.getParameters().get(0).asType(), DurableObjectState.class))
        .findFirst();
  }
}
