package dev.outbound.processor.validation;

import dev.outbound.OutboundContainer;
import dev.outbound.processor.model.Annotations;
import dev.outbound.processor.model.HandlerMethods;
import dev.outbound.processor.model.InjectedClass;
import dev.outbound.processor.model.KnownTypes;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Everything that must hold before code is generated for an {@code @OutboundContainer} class. One
 * instance per compilation: it remembers container names across rounds.
 */
public final class ContainerValidator {

  private final ContainerClassValidator classValidator = new ContainerClassValidator();
  private final ContainerNames names = new ContainerNames();
  private final InjectionValidator injectionValidator;
  private final HandlerMethodValidator methodValidator;
  private final RouteConflictValidator conflictValidator = new RouteConflictValidator();

  public ContainerValidator(KnownTypes known) {
    this.injectionValidator = new InjectionValidator(known);
    this.methodValidator = new HandlerMethodValidator(known);
  }

  /** Every problem of the class; generate nothing for it unless the report is clean. */
  public ValidationReport validate(TypeElement type) {
    ValidationReport report = new ValidationReport();
    AnnotationMirror container = Annotations.find(type, OutboundContainer.class).orElseThrow();
    names.claim(type, container, report);
    if (!classValidator.validate(type, container, report)) {
      return report;
    }
    injectionValidator.validate(type, InjectedClass.CONTAINER, report);
    for (ExecutableElement method : HandlerMethods.in(type)) {
      methodValidator.validate(method, report);
    }
    conflictValidator.validate(type, report);
    return report;
  }
}
