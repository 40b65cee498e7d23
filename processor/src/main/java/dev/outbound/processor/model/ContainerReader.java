package dev.outbound.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.outbound.Outbound;
import dev.outbound.OutboundContainer;
import dev.outbound.OutboundHandler;
import dev.outbound.host.HostPattern;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Builds the {@link ContainerModel} of a class that passed validation, so it can take every annotation
 * value, parameter type and constructor choice as valid.
 */
public final class ContainerReader {

    private final KnownTypes known;

    public ContainerReader(KnownTypes known) {
        this.known = known;
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
        List<HandlerArgument> arguments = method.getParameters().stream()
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
        List<BindingParameter> bindings = new ArrayList<>();
        for (VariableElement parameter : InjectConstructors.selected(type).getParameters()) {
            TypeMirror declared = parameter.asType();
            bindings.add(new BindingParameter(
                    Annotations.stringValue(Annotations.find(parameter, Named.class).orElseThrow(), "value"),
                    BindingType.of(declared, known).orElseThrow(),
                    TypeName.get(declared),
                    simpleText(declared),
                    type.getQualifiedName() + "(" + parameter.getSimpleName() + ")"));
        }
        return List.copyOf(bindings);
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
                .map(ContainerReader::simpleText)
                .collect(Collectors.joining(", ", name + "<", ">"));
    }

    private static String nestedName(Element type) {
        Element enclosing = type.getEnclosingElement();
        String simple = type.getSimpleName().toString();
        return enclosing instanceof TypeElement outer ? nestedName(outer) + "." + simple : simple;
    }
}
