package dev.outbound.processor.validation;

import dev.outbound.processor.model.KnownTypes;
import dev.outbound.processor.model.PublicMethods;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Checks that the generated stub can override every public method of a durable object class: a
 * final one would run outside the object's actor, concurrently with other calls.
 */
final class StubMethodValidator {

  private static final String REASON =
      "the generated stub overrides every public method to run calls one at a time through the"
          + " object's actor";

  private final PublicMethods publicMethods;

  StubMethodValidator(KnownTypes known) {
    this.publicMethods = new PublicMethods(known);
  }

  void validate(TypeElement type, ValidationReport report) {
    for (ExecutableElement method : publicMethods.of(type)) {
      if (!method.getModifiers().contains(Modifier.FINAL)) {
        continue;
      }
      TypeElement declaring = (TypeElement) method.getEnclosingElement();
      if (declaring.equals(type)) {
        report.error(
            "public method "
                + method.getSimpleName()
                + " must not be final: "
                + REASON
                + "; make it non-final or non-public",
            method);
      } else {
        // The superclass may not be compiled with this class, so the message goes on the class.
        report.error(
            "public method "
                + method.getSimpleName()
                + " inherited from "
                + declaring.getSimpleName()
                + " must not be final: "
                + REASON
                + "; make it non-final or non-public in "
                + declaring.getSimpleName(),
            type);
      }
    }
  }
}
