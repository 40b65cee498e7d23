package dev.outbound.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
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
 * Writes {@code MyApp_Injector}: the bindings the constructor needs, as a manifest the runtime checks
 * the configuration against, and a {@code create} method that calls the constructor with them.
 */
public final class InjectorGenerator extends SourceFileGenerator {

    public InjectorGenerator(Filer filer) {
        super(filer);
    }

    @Override
    protected TypeSpec.Builder write(ContainerModel model) {
        ClassName container = model.className();
        List<BindingParameter> bindings = model.bindings();
        List<CodeBlock> requirements = bindings.stream()
                .map(binding -> CodeBlock.of("new $T($S, $T.class, $S, $S)", BindingRequirement.class,
                        binding.bindingName(), binding.type().type(), binding.declaredTypeText(), binding.declaredAt()))
                .toList();
        List<CodeBlock> arguments = bindings.stream().map(InjectorGenerator::argument).toList();

        MethodSpec.Builder create = MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(container)
                .addParameter(BindingResolver.class, "bindings")
                .addStatement("return new $T($L)", container, onSeparateLines(arguments));
        if (bindings.stream().anyMatch(InjectorGenerator::isGeneric)) {
            // BindingResolver returns the raw interface; the cast to the declared type arguments is unchecked.
            create.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
        }
        return TypeSpec.classBuilder(GeneratedNames.injector(container))
                .addJavadoc("Creates {@link $T} with the bindings its constructor declares.\n", container)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, BindingRequirement.class), "BINDINGS",
                                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        // A field initializer, unlike a statement, gets no continuation indent of its own.
                        .initializer("$T.of($>$>$L$<$<)", List.class, onSeparateLines(requirements))
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(create.build());
    }

    /** {@code bindings.binding("KV", KvNamespace.class)}, cast when the parameter has type arguments. */
    private static CodeBlock argument(BindingParameter binding) {
        CodeBlock lookup = CodeBlock.of("bindings.binding($S, $T.class)", binding.bindingName(), binding.type().type());
        return isGeneric(binding) ? CodeBlock.of("($T) $L", binding.declaredType(), lookup) : lookup;
    }

    private static boolean isGeneric(BindingParameter binding) {
        return binding.declaredType() instanceof ParameterizedTypeName;
    }

    /** Arguments one per line, as a long argument list would be written by hand. */
    private static CodeBlock onSeparateLines(List<CodeBlock> arguments) {
        return arguments.isEmpty() ? CodeBlock.of("") : CodeBlock.of("\n$L", CodeBlock.join(arguments, ",\n"));
    }
}
