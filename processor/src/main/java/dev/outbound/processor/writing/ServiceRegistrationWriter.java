package dev.outbound.processor.writing;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a {@code META-INF/services} file, such as {@code
 * META-INF/services/dev.outbound.spi.ContainerDefinition}, one line per generated definition. The
 * file covers every annotated class of the compilation, so it is written once, after the last
 * round; as an aggregating processor under Gradle every class is processed again whenever one
 * changes, so the file never needs merging with an earlier one.
 */
public final class ServiceRegistrationWriter {

  private final Filer filer;
  private final String path;
  private final UnaryOperator<ClassName> definitionName;

  /**
   * @param service the interface the definitions implement
   * @param definitionName the generated definition of an annotated class
   */
  public ServiceRegistrationWriter(
      Filer filer, Class<?> service, UnaryOperator<ClassName> definitionName) {
    this.filer = filer;
    this.path = "META-INF/services/" + service.getName();
    this.definitionName = definitionName;
  }

  public String path() {
    return path;
  }

  /** Lines are sorted so that the file does not depend on the order classes were compiled in. */
  public void write(List<TypeElement> annotatedClasses) throws IOException {
    List<String> definitions =
        annotatedClasses.stream()
            .map(annotated -> definitionName.apply(ClassName.get(annotated)).reflectionName())
            .sorted()
            .toList();
    TypeElement[] originatingElements = annotatedClasses.toArray(TypeElement[]::new);
    FileObject file =
        filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, originatingElements);
    try (Writer services =
        new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      for (String definition : definitions) {
        services.write(definition + "\n");
      }
    }
  }
}
