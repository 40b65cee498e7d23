package dev.outbound.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.outbound.binding.DurableObjectState;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/** Builds the {@link DurableObjectModel} of a class that passed validation. */
public final class DurableObjectReader {

  private final KnownTypes known;
  private final BindingParameterReader bindingReader;
  private final PublicMethods publicMethods;

  public DurableObjectReader(KnownTypes known) {
    this.known = known;
    this.bindingReader = new BindingParameterReader(known);
    this.publicMethods = new PublicMethods(known);
  }

  public DurableObjectModel read(TypeElement type) {
    List<ObjectParameter> parameters = new ArrayList<>();
    ExecutableElement constructor =
        InjectConstructors.selected(type, InjectedClass.DURABLE_OBJECT, known);
    for (VariableElement parameter : constructor.getParameters()) {
      String name = parameter.getSimpleName().toString();
      parameters.add(
          known.is(parameter.asType(), DurableObjectState.class)
              ? new ObjectParameter.State(name)
              : new ObjectParameter.Binding(name, bindingReader.read(type, parameter)));
    }
    List<StubMethod> methods =
        publicMethods.of(type).stream()
            .map(method -> stubMethod((DeclaredType) type.asType(), method))
            .toList();
    return new DurableObjectModel(type, ClassName.get(type), List.copyOf(parameters), methods);
  }

  private StubMethod stubMethod(DeclaredType type, ExecutableElement method) {
    ExecutableType member = (ExecutableType) known.types().asMemberOf(type, method);
    List<StubMethod.Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      parameters.add(
          new StubMethod.Parameter(
              method.getParameters().get(i).getSimpleName().toString(),
              TypeName.get(member.getParameterTypes().get(i))));
    }
    return new StubMethod(
        method.getSimpleName().toString(),
        member.getTypeVariables().stream().map(this::typeVariable).toList(),
        TypeName.get(member.getReturnType()),
        List.copyOf(parameters),
        method.isVarArgs(),
        member.getThrownTypes().stream().map(TypeName::get).toList(),
        member.getThrownTypes().stream().anyMatch(this::isChecked),
        known.elements().isDeprecated(method));
  }

  /**
   * {@code T extends Comparable<T>}, bounds read from the variable itself: as a member of the
   * class, a bound that names a superclass's type parameter has its type argument filled in.
   */
  private TypeVariableName typeVariable(TypeVariable variable) {
    TypeMirror bound = variable.getUpperBound();
    List<? extends TypeMirror> bounds =
        bound instanceof IntersectionType intersection ? intersection.getBounds() : List.of(bound);
    return TypeVariableName.get(
        variable.asElement().getSimpleName().toString(),
        bounds.stream()
            .filter(each -> !isObject(each))
            .map(TypeName::get)
            .toArray(TypeName[]::new));
  }

  /** {@code Object} itself, not a type variable (whose erasure would be {@code Object} too). */
  private boolean isObject(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && known.is(type, Object.class);
  }

  private boolean isChecked(TypeMirror thrown) {
    return !known.isSubtype(thrown, RuntimeException.class)
        && !known.isSubtype(thrown, Error.class);
  }
}
