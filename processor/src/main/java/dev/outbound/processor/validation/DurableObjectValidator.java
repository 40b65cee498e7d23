package dev.outbound.processor.validation;

import dev.outbound.DurableObject;
import dev.outbound.processor.model.Annotations;
import dev.outbound.processor.model.InjectedClass;
import dev.outbound.processor.model.KnownTypes;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Everything that must hold before a stub and a definition are generated for a
 * {@code @DurableObject} class.
 */
public final class DurableObjectValidator {

  private final DurableObjectClassValidator classValidator = new DurableObjectClassValidator();
  private final InjectionValidator injectionValidator;
  private final StubMethodValidator methodValidator;

  public DurableObjectValidator(KnownTypes known) {
    this.injectionValidator = new InjectionValidator(known);
    this.methodValidator = new StubMethodValidator(known);
  }

  /** Every problem of the class; generate nothing for it unless the report is clean. */
  public ValidationReport validate(TypeElement type) {
    ValidationReport report = new ValidationReport();
    AnnotationMirror annotation = Annotations.find(type, DurableObject.class).orElseThrow();
    if (!classValidator.validate(type, annotation, report)) {
      return report;
    }
    injectionValidator.validate(type, InjectedClass.DURABLE_OBJECT, report);
    methodValidator.validate(type, report);
    return report;
  }
}
