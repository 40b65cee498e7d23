package dev.outbound.processor.validation;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks the {@code @DurableObject} class itself: that its generated stub, a subclass in the same
 * package, can extend it and the runtime can create one per object.
 */
final class DurableObjectClassValidator {

  /** Returns false when the type is no class at all, so that its members are not worth checking. */
  boolean validate(TypeElement type, AnnotationMirror annotation, ValidationReport report) {
    String simpleName = type.getSimpleName().toString();
    if (type.getKind() != ElementKind.CLASS) {
      report.error(
          "@DurableObject must annotate a class, not "
              + ElementKinds.describe(type.getKind())
              + ": the generated stub extends it",
          type,
          annotation);
      return false;
    }
    if (type.getModifiers().contains(Modifier.FINAL)) {
      report.error(
          "@DurableObject class "
              + simpleName
              + " must not be final: the generated stub extends it to"
              + " run every public method through the object's actor; remove 'final'",
          type);
    }
    if (type.getModifiers().contains(Modifier.SEALED)) {
      report.error(
          "@DurableObject class "
              + simpleName
              + " must not be sealed: the generated stub extends it;"
              + " remove 'sealed' and its permits clause",
          type);
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(
          "@DurableObject class "
              + simpleName
              + " must be static: the generated stub extends it"
              + " without an instance of "
              + type.getEnclosingElement().getSimpleName()
              + "; declare it 'static class "
              + simpleName
              + "'",
          type);
    }
    Optional<TypeElement> privateType = Visibility.privateTypeAround(type);
    if (privateType.filter(type::equals).isPresent()) {
      report.error(
          "@DurableObject class "
              + simpleName
              + " must not be private: the generated stub in its"
              + " package extends it; make it package-private or public",
          type);
    } else if (privateType.isPresent()) {
      report.error(
          "@DurableObject class "
              + simpleName
              + " must not be nested in private class "
              + privateType.get().getSimpleName()
              + ": the generated stub in its package extends it; make "
              + privateType.get().getSimpleName()
              + " package-private or public",
          type);
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      report.error(
          "@DurableObject class "
              + simpleName
              + " must not be abstract: the runtime creates one"
              + " instance of it per object; remove 'abstract'",
          type);
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(
          "@DurableObject class "
              + simpleName
              + " must not declare type parameters: the runtime"
              + " creates its objects from the class alone, so there is nothing to choose them",
          type);
    }
    return true;
  }
}
