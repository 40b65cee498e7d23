package dev.outbound.processor;

import dev.outbound.processor.model.HandlerArgument;
import dev.outbound.processor.model.HandlerMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Finds types an annotated class refers to that do not exist yet, usually because another processor
 * generates them in a later round. Such a class is processed in that later round instead: judging
 * it now would report types as unsupported that are merely not written yet.
 */
final class UnresolvedTypes {

  private UnresolvedTypes() {}

  /** The first type the processor would read of a container class that is not resolved, if any. */
  static Optional<TypeMirror> inContainer(TypeElement container) {
    List<TypeMirror> read = constructorTypes(container);
    for (ExecutableElement method : HandlerMethods.in(container)) {
      read.addAll(signatureTypes(method));
    }
    // A params record's components are read too, and may themselves wait for a generated type.
    for (TypeMirror type : List.copyOf(read)) {
      if (HandlerArgument.isRecord(type)) {
        TypeElement record = (TypeElement) ((DeclaredType) type).asElement();
        record.getRecordComponents().stream()
            .map(RecordComponentElement::asType)
            .forEach(read::add);
      }
    }
    return firstUnresolved(read);
  }

  /**
   * The first type the processor would read of a durable object class that is not resolved, if any:
   * its superclass (whose public methods the stub overrides too) and the signatures, throws clauses
   * included, of its constructors and of {@code publicMethods}.
   */
  static Optional<TypeMirror> inDurableObject(
      TypeElement type, List<ExecutableElement> publicMethods) {
    List<TypeMirror> read = constructorTypes(type);
    read.add(type.getSuperclass());
    for (ExecutableElement method : publicMethods) {
      read.addAll(signatureTypes(method));
      read.addAll(method.getThrownTypes());
    }
    return firstUnresolved(read);
  }

  private static List<TypeMirror> constructorTypes(TypeElement type) {
    List<TypeMirror> read = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      constructor.getParameters().forEach(parameter -> read.add(parameter.asType()));
      read.addAll(constructor.getThrownTypes());
    }
    return read;
  }

  private static List<TypeMirror> signatureTypes(ExecutableElement method) {
    List<TypeMirror> read = new ArrayList<>();
    read.add(method.getReturnType());
    method.getParameters().forEach(parameter -> read.add(parameter.asType()));
    return read;
  }

  private static Optional<TypeMirror> firstUnresolved(List<TypeMirror> types) {
    return types.stream().filter(UnresolvedTypes::isUnresolved).findFirst();
  }

  private static boolean isUnresolved(TypeMirror type) {
    return switch (type.getKind()) {
      case ERROR -> true;
      case DECLARED ->
          ((DeclaredType) type).getTypeArguments().stream().anyMatch(UnresolvedTypes::isUnresolved);
      case ARRAY -> isUnresolved(((ArrayType) type).getComponentType());
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        yield (wildcard.getExtendsBound() != null && isUnresolved(wildcard.getExtendsBound()))
            || (wildcard.getSuperBound() != null && isUnresolved(wildcard.getSuperBound()));
      }
      default -> false;
    };
  }
}
