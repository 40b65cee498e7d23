package dev.outbound.processor.model;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Which constructor the injector calls: the {@code @Inject} one, else the no-argument one. */
public final class InjectConstructors {

    private InjectConstructors() {
    }

    public static List<ExecutableElement> annotated(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(constructor -> Annotations.has(constructor, Inject.class))
                .toList();
    }

    public static Optional<ExecutableElement> noArgument(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(constructor -> constructor.getParameters().isEmpty())
                .findFirst();
    }

    /** The constructor of a class that passed validation. */
    public static ExecutableElement selected(TypeElement type) {
        List<ExecutableElement> annotated = annotated(type);
        return annotated.isEmpty() ? noArgument(type).orElseThrow() : annotated.get(0);
    }
}
