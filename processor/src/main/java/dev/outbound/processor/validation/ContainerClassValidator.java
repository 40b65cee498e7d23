package dev.outbound.processor.validation;

import dev.outbound.processor.model.Annotations;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks the {@code @OutboundContainer} class itself: that generated code in its package can name
 * and instantiate it, and that its name and policy patterns are valid.
 */
final class ContainerClassValidator {

  /** Returns false when the type is no class at all, so that its members are not worth checking. */
  boolean validate(TypeElement type, AnnotationMirror container, ValidationReport report) {
    String simpleName = type.getSimpleName().toString();
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      report.error(
          "@OutboundContainer must annotate a class, not "
              + ElementKinds.describe(type.getKind())
              + ": the injector creates an instance of it",
          type,
          container);
      return false;
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(
          "@OutboundContainer class "
              + simpleName
              + " must be static: generated code creates it"
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
          "@OutboundContainer class "
              + simpleName
              + " must not be private: generated code in its"
              + " package names it; make it package-private or public",
          type);
    } else if (privateType.isPresent()) {
      report.error(
          "@OutboundContainer class "
              + simpleName
              + " must not be nested in private class "
              + privateType.get().getSimpleName()
              + ": generated code in its package names it; make "
              + privateType.get().getSimpleName()
              + " package-private or public",
          type);
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      report.error(
          "@OutboundContainer class "
              + simpleName
              + " must not be abstract: its injector creates"
              + " the one handler instance; remove 'abstract'",
          type);
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(
          "@OutboundContainer class "
              + simpleName
              + " must not declare type parameters: the runtime"
              + " creates exactly one instance of it, so there is nothing to choose them",
          type);
    }
    AnnotationValue name = Annotations.value(container, "name");
    if (((String) name.getValue()).isBlank()) {
      report.error(
          "@OutboundContainer name must not be empty: name the container class, e.g."
              + " @OutboundContainer(name = \"my-app\")",
          type,
          container,
          name);
    }
    for (String member : new String[] {"allowedHosts", "deniedHosts"}) {
      for (AnnotationValue pattern : Annotations.arrayValue(container, member)) {
        HostPatternCheck.check(type, container, pattern, report);
      }
    }
    return true;
  }
}
