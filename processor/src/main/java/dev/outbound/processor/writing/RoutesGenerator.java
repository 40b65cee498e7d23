package dev.outbound.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.outbound.Params;
import dev.outbound.host.Authority;
import dev.outbound.host.HostMatcher;
import dev.outbound.processor.model.ContainerModel;
import dev.outbound.processor.model.HandlerMethod;
import dev.outbound.processor.model.HostRoute;
import dev.outbound.processor.model.NamedHandler;
import dev.outbound.processor.model.ParamsRecord;
import dev.outbound.spi.NamedRoute;
import dev.outbound.spi.Route;
import dev.outbound.spi.RouteTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code MyApp_OutboundRoutes}: a {@code HostMatcher} over the {@code @OutboundHost} routes
 * (exact hosts in a hash map, then patterns most specific first), the catch-all, the named handlers
 * and one decoder per params record. Members a class does not need are left out.
 */
public final class RoutesGenerator extends SourceFileGenerator<ContainerModel> {

  private static final ClassName ROUTE = ClassName.get(Route.class);
  private static final ClassName NAMED_ROUTE = ClassName.get(NamedRoute.class);

  public RoutesGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(ContainerModel model) {
    ClassName container = model.className();
    ClassName self = GeneratedNames.routes(container);
    TypeName route = ParameterizedTypeName.get(ROUTE, container);
    TypeName namedRoute = ParameterizedTypeName.get(NAMED_ROUTE, container);
    Map<ParamsRecord, String> decoders = decoderNames(model);

    TypeSpec.Builder routes =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "Routes the requests of {@link $T} containers to its handler methods.\n", container)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(
                ParameterizedTypeName.get(ClassName.get(RouteTable.class), container));
    if (!model.hostRoutes().isEmpty()) {
      routes.addField(hosts(model.hostRoutes(), route));
    }
    model
        .catchAll()
        .ifPresent(
            method ->
                routes.addField(
                    FieldSpec.builder(
                            route, "CATCH_ALL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(newRoute("*", method, Optional.empty()))
                        .build()));
    if (!model.namedHandlers().isEmpty()) {
      routes.addField(named(model.namedHandlers(), namedRoute, self, decoders));
    }
    routes.addMethod(
        override("forHost", route)
            .addParameter(Authority.class, "authority")
            .addStatement(
                model.hostRoutes().isEmpty() ? "return null" : "return HOSTS.match(authority)")
            .build());
    routes.addMethod(
        override("catchAll", route)
            .addStatement(model.catchAll().isEmpty() ? "return null" : "return CATCH_ALL")
            .build());
    routes.addMethod(
        override("named", namedRoute)
            .addParameter(String.class, "name")
            .addStatement(
                model.namedHandlers().isEmpty() ? "return null" : "return NAMED.get(name)")
            .build());
    routes.addMethod(
        override("namedHandlers", ParameterizedTypeName.get(Set.class, String.class))
            .addStatement(
                model.namedHandlers().isEmpty()
                    ? CodeBlock.of("return $T.of()", Set.class)
                    : CodeBlock.of("return NAMED.keySet()"))
            .build());
    decoders.forEach((record, name) -> routes.addMethod(decoder(record, name)));
    return routes;
  }

  private static FieldSpec hosts(List<HostRoute> hostRoutes, TypeName route) {
    CodeBlock.Builder matcher =
        CodeBlock.builder().add("$T.<$T>builder()$>$>", HostMatcher.class, route);
    for (HostRoute host : hostRoutes) {
      matcher.add(
          "\n.add($S, $L)",
          host.pattern(),
          newRoute(host.pattern(), host.method(), Optional.empty()));
    }
    matcher.add("\n.build()$<$<");
    return FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(HostMatcher.class), route),
            "HOSTS",
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer(matcher.build())
        .build();
  }

  private static FieldSpec named(
      List<NamedHandler> handlers,
      TypeName namedRoute,
      ClassName self,
      Map<ParamsRecord, String> decoders) {
    List<CodeBlock> entries = new ArrayList<>();
    for (NamedHandler handler : handlers) {
      Optional<String> decoder = handler.paramsRecord().map(decoders::get);
      // Params itself, or no params parameter: any JSON object will do.
      CodeBlock check =
          decoder.isPresent()
              ? CodeBlock.of("$T::$N", self, decoder.get())
              : CodeBlock.of("params -> { }");
      entries.add(
          CodeBlock.of(
              "$T.entry($S, new $T<>($>$>\n$L,\n$L))$<$<",
              Map.class,
              handler.name(),
              NAMED_ROUTE,
              newRoute(handler.name(), handler.method(), decoder),
              check));
    }
    TypeName byName =
        ParameterizedTypeName.get(
            ClassName.get(Map.class), ClassName.get(String.class), namedRoute);
    return FieldSpec.builder(byName, "NAMED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.ofEntries($>$>\n$L)$<$<", Map.class, CodeBlock.join(entries, ",\n"))
        .build();
  }

  /** {@code new Route<>("my.kv", "kv", (app, request, context) -> app.kv(request))}. */
  private static CodeBlock newRoute(String key, HandlerMethod method, Optional<String> decoder) {
    List<CodeBlock> arguments =
        method.arguments().stream()
            .map(
                argument ->
                    switch (argument) {
                      case REQUEST -> CodeBlock.of("request");
                      case CONTEXT -> CodeBlock.of("context");
                      case PARAMS ->
                          decoder
                              .map(name -> CodeBlock.of("$N(context.params())", name))
                              .orElse(CodeBlock.of("context.params()"));
                    })
            .toList();
    return CodeBlock.of(
        "new $T<>($S, $S, (app, request, context) -> app.$N($L))",
        ROUTE,
        key,
        method.name(),
        method.name(),
        CodeBlock.join(arguments, ", "));
  }

  /**
   * {@code private static GithubParams githubParams(Params params)}: the record from the JSON
   * params.
   */
  private static MethodSpec decoder(ParamsRecord record, String name) {
    List<CodeBlock> fields =
        record.fields().stream()
            .map(
                field ->
                    field.type().required()
                        ? CodeBlock.of(
                            "params.require($S, params.$N($S))",
                            field.name(),
                            field.type().getter(),
                            field.name())
                        : CodeBlock.of("params.$N($S)", field.type().getter(), field.name()))
            .toList();
    CodeBlock arguments =
        fields.isEmpty() ? CodeBlock.of("") : CodeBlock.of("\n$L", CodeBlock.join(fields, ",\n"));
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record.type())
        .addParameter(Params.class, "params")
        .addStatement("return new $T($L)", record.type(), arguments)
        .build();
  }

  /**
   * One decoder per params record, named after it in lower camel case ({@code GithubParams} →
   * {@code githubParams}), with a number appended when records of different packages share a name.
   */
  private static Map<ParamsRecord, String> decoderNames(ContainerModel model) {
    Map<ParamsRecord, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (NamedHandler handler : model.namedHandlers()) {
      handler
          .paramsRecord()
          .filter(record -> !names.containsKey(record))
          .ifPresent(
              record -> {
                String simpleName = record.type().simpleName();
                String base = Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
                String name = base;
                for (int i = 2; !taken.add(name); i++) {
                  name = base + i;
                }
                names.put(record, name);
              });
    }
    return names;
  }
}
