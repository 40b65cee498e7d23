package dev.outbound.processor.validation;

import dev.outbound.DurableObject;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.processor.model.Annotations;
import dev.outbound.processor.model.BindingType;
import dev.outbound.processor.model.InjectConstructors;
import dev.outbound.processor.model.InjectedClass;
import dev.outbound.processor.model.KnownTypes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks that generated code can call the class's constructor: exactly one {@code @Inject}
 * constructor (or, with none, one without parameters, or for a durable object one taking only its
 * {@code DurableObjectState}), not private, whose parameters are all {@code @Named} bindings of a
 * type a binding provides, and for a durable object at most one {@code DurableObjectState}. A
 * container's constructor is called by its generated injector, a durable object's by its generated
 * stub.
 */
final class InjectionValidator {

  private final KnownTypes known;

  InjectionValidator(KnownTypes known) {
    this.known = known;
  }

  void validate(TypeElement type, InjectedClass injected, ValidationReport report) {
    String caller = caller(injected);
    List<ExecutableElement> annotated = InjectConstructors.annotated(type);
    for (ExecutableElement extra :
        annotated.subList(Math.min(1, annotated.size()), annotated.size())) {
      report.error(
          "only one constructor may be annotated @Inject: the "
              + caller
              + " would not know which to"
              + " call; remove @Inject here or from the other constructor",
          extra,
          Annotations.find(extra, Inject.class).orElseThrow());
    }
    Optional<ExecutableElement> constructor =
        annotated.isEmpty()
            ? InjectConstructors.unannotated(type, injected, known)
            : Optional.of(annotated.get(0));
    if (constructor.isEmpty()) {
      report.error(
          type.getSimpleName() + " has no usable constructor: " + usableConstructors(injected),
          type);
      return;
    }
    ExecutableElement selected = constructor.get();
    String description =
        annotated.isEmpty() ? unannotatedDescription(selected) : "the @Inject constructor";
    // An implicit constructor is as private as its class, which is reported on the class.
    boolean implicit = known.elements().getOrigin(selected) == Elements.Origin.MANDATED;
    if (selected.getModifiers().contains(Modifier.PRIVATE) && !implicit) {
      report.error(
          description
              + " must not be private: the generated "
              + caller
              + " calls it; make it"
              + " package-private",
          selected);
    }
    for (TypeMirror thrown : selected.getThrownTypes()) {
      if (!known.isSubtype(thrown, RuntimeException.class)
          && !known.isSubtype(thrown, Error.class)) {
        report.error(
            description
                + " must not throw checked exception "
                + thrown
                + ": "
                + whyNoCheckedExceptions(injected)
                + "; catch it and throw an unchecked exception",
            selected);
      }
    }
    VariableElement state = null;
    for (VariableElement parameter : selected.getParameters()) {
      if (!injected.takesState() || !known.is(parameter.asType(), DurableObjectState.class)) {
        validateBinding(parameter, injected, report);
      } else if (state != null) {
        report.error(
            description
                + " already takes the DurableObjectState as parameter "
                + state.getSimpleName()
                + ": remove parameter "
                + parameter.getSimpleName(),
            parameter);
      } else {
        state = parameter;
      }
    }
  }

  /** The generated class that calls the constructor and so names its parameter types. */
  private static String caller(InjectedClass injected) {
    return injected.takesState() ? "stub" : "injector";
  }

  private static String usableConstructors(InjectedClass injected) {
    return injected.takesState()
        ? "annotate the constructor that takes its state and bindings with @Inject, or declare a"
              + " constructor that takes only DurableObjectState or nothing"
        : "annotate the constructor that takes its bindings with @Inject, or declare a constructor"
              + " without parameters";
  }

  private static String whyNoCheckedExceptions(InjectedClass injected) {
    return injected.takesState()
        ? "the runtime activates the object through DurableObjectDefinition.activate, which throws"
              + " none"
        : "the runtime creates the handler at start and cannot recover";
  }

  private static String unannotatedDescription(ExecutableElement constructor) {
    return constructor.getParameters().isEmpty()
        ? "the constructor without parameters"
        : "the constructor taking DurableObjectState";
  }

  private void validateBinding(
      VariableElement parameter, InjectedClass injected, ValidationReport report) {
    String name = parameter.getSimpleName().toString();
    Optional<AnnotationMirror> named = Annotations.find(parameter, Named.class);
    if (named.isEmpty()) {
      report.error(
          "binding parameter "
              + name
              + " needs @Named with the name of a binding in the"
              + " configuration, e.g. @Named(\"KV\") "
              + parameter.asType()
              + " "
              + name,
          parameter);
    } else {
      AnnotationValue value = Annotations.value(named.get(), "value");
      if (((String) value.getValue()).isBlank()) {
        report.error(
            "@Named of binding parameter "
                + name
                + " must not be empty: write the name of a"
                + " binding in the configuration, e.g. @Named(\"KV\")",
            parameter,
            named.get(),
            value);
      }
    }
    TypeMirror type = parameter.asType();
    Optional<BindingType> binding = BindingType.of(type, known);
    if (binding.isEmpty()) {
      report.error(
          "binding parameter "
              + name
              + " has type "
              + type
              + ", which no binding provides: use "
              + BindingType.ACCEPTED
              + (injected.takesState() ? ", or DurableObjectState for the object's own state" : ""),
          parameter);
    } else if (binding.get() == BindingType.DURABLE_OBJECT_NAMESPACE) {
      validateDurableObjectClass(parameter, (DeclaredType) type, injected, report);
    }
  }

  private void validateDurableObjectClass(
      VariableElement parameter,
      DeclaredType namespace,
      InjectedClass injected,
      ValidationReport report) {
    List<? extends TypeMirror> arguments = namespace.getTypeArguments();
    if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
      report.error(
          "binding parameter "
              + parameter.getSimpleName()
              + " must name the class it stores: write DurableObjectNamespace<Counter> with Counter"
              + " a class annotated @DurableObject",
          parameter);
      return;
    }
    TypeElement objectClass = (TypeElement) ((DeclaredType) arguments.get(0)).asElement();
    if (!Annotations.has(objectClass, DurableObject.class)) {
      report.error(
          "binding parameter "
              + parameter.getSimpleName()
              + " stores "
              + objectClass.getSimpleName()
              + ", which is not a durable object: annotate "
              + objectClass.getSimpleName()
              + " with @DurableObject",
          parameter);
    } else if (Visibility.privateTypeAround(objectClass).isPresent()) {
      report.error(
          "durable object class "
              + objectClass.getSimpleName()
              + " must not be private or nested"
              + " in a private class: the generated "
              + caller(injected)
              + " names it",
          parameter);
    }
  }
}
