package dev.outbound.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.outbound.processor.model.BindingParameter;
import dev.outbound.processor.model.ContainerModel;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code MyApp_Injector}: the bindings the constructor needs, as a manifest the runtime
 * checks the configuration against, and a {@code create} method that calls the constructor with
 * them.
 */
public final class InjectorGenerator extends SourceFileGenerator<ContainerModel> {

  public InjectorGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(ContainerModel model) {
    ClassName container = model.className();
    List<BindingParameter> bindings = model.bindings();
    List<CodeBlock> arguments = bindings.stream().map(BindingCode::argument).toList();

    MethodSpec.Builder create =
        MethodSpec.methodBuilder("create")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(container)
            .addParameter(BindingResolver.class, "bindings")
            .addStatement("return new $T($L)", container, BindingCode.onSeparateLines(arguments));
    if (BindingCode.anyGeneric(bindings)) {
      create.addAnnotation(BindingCode.UNCHECKED);
    }
    return TypeSpec.classBuilder(GeneratedNames.injector(container))
        .addJavadoc("Creates {@link $T} with the bindings its constructor declares.\n", container)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(
            FieldSpec.builder(
                    ParameterizedTypeName.get(List.class, BindingRequirement.class),
                    "BINDINGS",
                    Modifier.PUBLIC,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .initializer(BindingCode.requirements(bindings))
                .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(create.build());
  }
}
