package dev.outbound.processor.model;

import com.palantir.javapoet.ClassName;
import dev.outbound.Outbound;
import dev.outbound.OutboundContainer;
import dev.outbound.OutboundHandler;
import dev.outbound.host.HostPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Builds the {@link ContainerModel} of a class that passed validation, so it can take every
 * annotation value, parameter type and constructor choice as valid.
 */
public final class ContainerReader {

  private final KnownTypes known;
  private final BindingParameterReader bindingReader;

  public ContainerReader(KnownTypes known) {
    this.known = known;
    this.bindingReader = new BindingParameterReader(known);
  }

  public ContainerModel read(TypeElement type) {
    AnnotationMirror container = Annotations.find(type, OutboundContainer.class).orElseThrow();
    List<HostRoute> hostRoutes = new ArrayList<>();
    Optional<HandlerMethod> catchAll = Optional.empty();
    List<NamedHandler> namedHandlers = new ArrayList<>();
    for (ExecutableElement method : HandlerMethods.in(type)) {
      HandlerMethod handler = handlerMethod(method);
      for (AnnotationMirror host : Annotations.hosts(method)) {
        hostRoutes.add(new HostRoute(canonical(Annotations.stringValue(host, "value")), handler));
      }
      if (Annotations.has(method, Outbound.class)) {
        catchAll = Optional.of(handler);
      }
      Optional<AnnotationMirror> named = Annotations.find(method, OutboundHandler.class);
      if (named.isPresent()) {
        String name = Annotations.stringValue(named.get(), "value");
        namedHandlers.add(new NamedHandler(name, handler, paramsRecord(method)));
      }
    }
    return new ContainerModel(
        type,
        ClassName.get(type),
        Annotations.stringValue(container, "name"),
        policy(container),
        List.copyOf(hostRoutes),
        catchAll,
        List.copyOf(namedHandlers),
        bindings(type));
  }

  private ContainerModel.Policy policy(AnnotationMirror container) {
    List<String> allowed = patterns(container, "allowedHosts");
    return new ContainerModel.Policy(
        Annotations.booleanValue(container, "enableInternet"),
        allowed.isEmpty() ? Optional.empty() : Optional.of(allowed),
        patterns(container, "deniedHosts"),
        Annotations.booleanValue(container, "interceptHttps"));
  }

  private static List<String> patterns(AnnotationMirror container, String member) {
    return Annotations.arrayValue(container, member).stream()
        .map(value -> canonical((String) value.getValue()))
        .toList();
  }

  private static String canonical(String pattern) {
    return HostPattern.parse(pattern).text();
  }

  private HandlerMethod handlerMethod(ExecutableElement method) {
    List<HandlerArgument> arguments =
        method.getParameters().stream()
            .map(parameter -> HandlerArgument.of(parameter.asType(), known).orElseThrow())
            .toList();
    return new HandlerMethod(method.getSimpleName().toString(), arguments);
  }

  private Optional<ParamsRecord> paramsRecord(ExecutableElement method) {
    return method.getParameters().stream()
        .map(VariableElement::asType)
        .filter(HandlerArgument::isRecord)
        .findFirst()
        .map(this::paramsRecord);
  }

  private ParamsRecord paramsRecord(TypeMirror type) {
    TypeElement record = (TypeElement) ((DeclaredType) type).asElement();
    List<ParamsRecord.Field> fields = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      ParamsFieldType fieldType = ParamsFieldType.of(component.asType(), known).orElseThrow();
      fields.add(new ParamsRecord.Field(component.getSimpleName().toString(), fieldType));
    }
    return new ParamsRecord(ClassName.get(record), List.copyOf(fields));
  }

  private List<BindingParameter> bindings(TypeElement type) {
    return InjectConstructors.selected(type, InjectedClass.CONTAINER, known)
        .getParameters()
        .stream()
        .map(parameter -> bindingReader.read(type, parameter))
        .toList();
  }
}
