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
 * Finds types a container class refers to that do not exist yet, usually because another processor
 * generates them in a later round. Such a class is processed in that later round instead: judging it
 * now would report types as unsupported that are merely not written yet.
 */
final class UnresolvedTypes {

    private UnresolvedTypes() {
    }

    /** The first type the processor would read that is not resolved, if any. */
    static Optional<TypeMirror> in(TypeElement container) {
        List<TypeMirror> read = new ArrayList<>();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(container.getEnclosedElements())) {
            constructor.getParameters().forEach(parameter -> read.add(parameter.asType()));
            read.addAll(constructor.getThrownTypes());
        }
        for (ExecutableElement method : HandlerMethods.in(container)) {
            read.add(method.getReturnType());
            method.getParameters().forEach(parameter -> read.add(parameter.asType()));
        }
        // A params record's components are read too, and may themselves wait for a generated type.
        for (TypeMirror type : List.copyOf(read)) {
            if (HandlerArgument.isRecord(type)) {
                TypeElement record = (TypeElement) ((DeclaredType) type).asElement();
                record.getRecordComponents().stream().map(RecordComponentElement::asType).forEach(read::add);
            }
        }
        return read.stream().filter(UnresolvedTypes::isUnresolved).findFirst();
    }

    private static boolean isUnresolved(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(UnresolvedTypes::isUnresolved);
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
