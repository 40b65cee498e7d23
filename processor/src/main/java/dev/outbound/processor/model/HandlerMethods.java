package dev.outbound.processor.model;

import dev.outbound.Outbound;
import dev.outbound.OutboundHandler;
import dev.outbound.OutboundHost;
import java.lang.annotation.Annotation;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Finds handler methods: those with any of the handler annotations. */
public final class HandlerMethods {

  /** {@code OutboundHost.List} is what a method with two {@code @OutboundHost} carries instead. */
  public static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(Outbound.class, OutboundHost.class, OutboundHost.List.class, OutboundHandler.class);

  private HandlerMethods() {}

  /** The handler methods declared in the class itself, in source order. */
  public static List<ExecutableElement> in(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(HandlerMethods::isHandler)
        .toList();
  }

  private static boolean isHandler(Element method) {
    return ANNOTATIONS.stream().anyMatch(annotation -> Annotations.has(method, annotation));
  }
}
