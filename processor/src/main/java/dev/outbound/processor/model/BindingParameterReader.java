package dev.outbound.processor.model;

import com.palantir.javapoet.TypeName;
import jakarta.inject.Named;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** Reads a valid binding parameter of a container's or a durable object's constructor. */
public final class BindingParameterReader {

  private final KnownTypes known;

  public BindingParameterReader(KnownTypes known) {
    this.known = known;
  }

  public BindingParameter read(TypeElement type, VariableElement parameter) {
    TypeMirror declared = parameter.asType();
    return new BindingParameter(
        Annotations.stringValue(Annotations.find(parameter, Named.class).orElseThrow(), "value"),
        BindingType.of(declared, known).orElseThrow(),
        TypeName.get(declared),
        simpleText(declared),
        type.getQualifiedName() + "(" + parameter.getSimpleName() + ")");
  }

  /** {@code DurableObjectNamespace<MyApp.Counter>}: the type as source code usually spells it. */
  private static String simpleText(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return type.toString();
    }
    String name = nestedName(declared.asElement());
    if (declared.getTypeArguments().isEmpty()) {
      return name;
    }
    return declared.getTypeArguments().stream()
        .map(BindingParameterReader::simpleText)
        .collect(Collectors.joining(", ", name + "<", ">"));
  }

  private static String nestedName(Element type) {
    Element enclosing = type.getEnclosingElement();
    String simple = type.getSimpleName().toString();
    return enclosing instanceof TypeElement outer ? nestedName(outer) + "." + simple : simple;
  }
}
