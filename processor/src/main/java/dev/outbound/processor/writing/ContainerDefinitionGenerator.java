package dev.outbound.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.outbound.processor.model.ContainerModel;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.ContainerDefinition;
import dev.outbound.spi.RouteTable;
import dev.outbound.spi.StaticPolicy;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code MyApp_OutboundContainer}, the {@code ContainerDefinition} the runtime finds through
 * {@code ServiceLoader} (hence public, with the implicit public no-argument constructor). It ties
 * the name and policy of the annotation to the generated injector and routes.
 */
public final class ContainerDefinitionGenerator extends SourceFileGenerator<ContainerModel> {

  public ContainerDefinitionGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(ContainerModel model) {
    ClassName container = model.className();
    ClassName routes = GeneratedNames.routes(container);
    ClassName injector = GeneratedNames.injector(container);
    return TypeSpec.classBuilder(GeneratedNames.definition(container))
        .addJavadoc(
            "The {@link $T} container class, found by {@link java.util.ServiceLoader}.\n",
            container)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(
            ParameterizedTypeName.get(ClassName.get(ContainerDefinition.class), container))
        .addField(
            FieldSpec.builder(
                    StaticPolicy.class, "POLICY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(policy(model.policy()))
                .build())
        .addField(
            FieldSpec.builder(routes, "ROUTES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T()", routes)
                .build())
        .addMethod(
            override("name", ClassName.get(String.class))
                .addStatement("return $S", model.name())
                .build())
        .addMethod(
            override(
                    "handlerClass",
                    ParameterizedTypeName.get(ClassName.get(Class.class), container))
                .addStatement("return $T.class", container)
                .build())
        .addMethod(
            override("policy", ClassName.get(StaticPolicy.class))
                .addStatement("return POLICY")
                .build())
        .addMethod(
            override("bindings", ParameterizedTypeName.get(List.class, BindingRequirement.class))
                .addStatement("return $T.BINDINGS", injector)
                .build())
        .addMethod(
            override("newInstance", container)
                .addParameter(BindingResolver.class, "bindings")
                .addStatement("return $T.create(bindings)", injector)
                .build())
        .addMethod(
            override(
                    "routes", ParameterizedTypeName.get(ClassName.get(RouteTable.class), container))
                .addStatement("return ROUTES")
                .build());
  }

  /** {@code new StaticPolicy(false, Optional.empty(), List.of("*.evil.example"), false)}. */
  private static CodeBlock policy(ContainerModel.Policy policy) {
    CodeBlock allowed =
        policy
            .allowedHosts()
            .map(hosts -> CodeBlock.of("$T.of($L)", Optional.class, list(hosts)))
            .orElse(CodeBlock.of("$T.empty()", Optional.class));
    return CodeBlock.of(
        "new $T($L, $L, $L, $L)",
        StaticPolicy.class,
        policy.enableInternet(),
        allowed,
        list(policy.deniedHosts()),
        policy.interceptHttps());
  }

  private static CodeBlock list(List<String> patterns) {
    return CodeBlock.of(
        "$T.of($L)",
        List.class,
        CodeBlock.join(
            patterns.stream().map(pattern -> CodeBlock.of("$S", pattern)).toList(), ", "));
  }
}
