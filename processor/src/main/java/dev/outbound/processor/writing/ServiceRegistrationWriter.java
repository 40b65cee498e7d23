package dev.outbound.processor.writing;

import com.palantir.javapoet.ClassName;
import dev.outbound.spi.ContainerDefinition;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.outbound.spi.ContainerDefinition}, one line per generated
 * definition. The file covers every container of the compilation, so it is written once, after the
 * last round; as an aggregating processor under Gradle every container is processed again whenever
 * one changes, so the file never needs merging with an earlier one.
 */
public final class ServiceRegistrationWriter {

    public static final String PATH = "META-INF/services/" + ContainerDefinition.class.getName();

    private final Filer filer;

    public ServiceRegistrationWriter(Filer filer) {
        this.filer = filer;
    }

    /** Lines are sorted so that the file does not depend on the order classes were compiled in. */
    public void write(List<TypeElement> containers) throws IOException {
        List<String> definitions = containers.stream()
                .map(container -> GeneratedNames.definition(ClassName.get(container)).reflectionName())
                .sorted()
                .toList();
        TypeElement[] originatingElements = containers.toArray(TypeElement[]::new);
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH, originatingElements);
        try (Writer services = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
            for (String definition : definitions) {
                services.write(definition + "\n");
            }
        }
    }
}
