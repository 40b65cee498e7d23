package dev.outbound.processor.model;

import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;

/**
 * A public method of a durable object class, as its stub overrides it. Types are those of the
 * method as a member of the class: a method inherited from {@code Base<String>} takes {@code
 * String}, not {@code T}.
 *
 * @param typeVariables the method's own type parameters, with their bounds
 * @param throwsChecked whether the throws clause names a checked exception, which a {@code
 *     Runnable} cannot throw
 * @param deprecated whether the method is deprecated, which overriding and calling it would warn
 *     about
 */
public record StubMethod(
    String name,
    List<TypeVariableName> typeVariables,
    TypeName returnType,
    List<Parameter> parameters,
    boolean varargs,
    List<TypeName> exceptions,
    boolean throwsChecked,
    boolean deprecated) {

  public record Parameter(String name, TypeName type) {}

  public boolean returnsValue() {
    return !returnType.equals(TypeName.VOID);
  }
}
