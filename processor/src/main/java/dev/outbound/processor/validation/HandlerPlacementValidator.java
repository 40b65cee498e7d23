package dev.outbound.processor.validation;

import dev.outbound.OutboundContainer;
import dev.outbound.processor.model.Annotations;
import javax.lang.model.element.Element;

/**
 * Handler annotations only mean something on methods of an {@code @OutboundContainer} class;
 * anywhere else (a superclass, a nested helper class) the method would silently never be called.
 */
public final class HandlerPlacementValidator {

  public ValidationReport validate(Element method) {
    ValidationReport report = new ValidationReport();
    Element enclosing = method.getEnclosingElement();
    if (!Annotations.has(enclosing, OutboundContainer.class)) {
      report.error(
          "handler method "
              + method.getSimpleName()
              + " is never called: "
              + enclosing.getSimpleName()
              + " is not annotated @OutboundContainer; declare handler methods in the container"
              + " class itself",
          method);
    }
    return report;
  }
}
