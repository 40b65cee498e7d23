package dev.outbound.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.outbound.OutboundContext;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.Params;
import dev.outbound.binding.KvNamespace;
import dev.outbound.json.JsonException;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.ContainerDefinition;
import dev.outbound.spi.NamedRoute;
import dev.outbound.spi.Route;
import dev.outbound.spi.StaticPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a container class, loads what javac and the processor produced, and checks that the
 * generated table sends each destination to the right method, that named handlers decode their
 * params, and that {@link ServiceLoader} finds the definition.
 */
class GeneratedRoutingTest {

  private static final JavaFileObject ROUTING =
      TestSources.source(
          "Routing",
          """
          @OutboundContainer(name = "routing", deniedHosts = "*.evil.example")
          public class Routing {
              public record Search(String query, int limit, Boolean exact, List<String> tags) {}

              final KvNamespace kv;

              @Inject
              Routing(@Named("KV") KvNamespace kv) { this.kv = kv; }

              @OutboundHost("my.kv")
              OutboundResponse exact(OutboundRequest request) { return OutboundResponse.ok("exact"); }

              @OutboundHost("my.kv:8080")
              OutboundResponse exactWithPort(OutboundRequest request) { return OutboundResponse.ok("exactWithPort"); }

              @OutboundHost("api.example.com")
              OutboundResponse exactUnderGlob() { return OutboundResponse.ok("exactUnderGlob"); }

              @OutboundHost("*.example.com")
              OutboundResponse glob(OutboundContext context, OutboundRequest request) {
                  return OutboundResponse.ok("glob " + request.host() + " for " + context.containerId());
              }

              @OutboundHost("*.api.example.com")
              OutboundResponse longerGlob(OutboundRequest request) { return OutboundResponse.ok("longerGlob"); }

              @OutboundHost("192.168.1.10")
              @OutboundHost("[2001:db8::1]")
              OutboundResponse ip(OutboundRequest request) { return OutboundResponse.ok("ip"); }

              @OutboundHost("10.0.0.0/8")
              OutboundResponse cidr8(OutboundRequest request) { return OutboundResponse.ok("cidr8"); }

              @OutboundHost("10.1.0.0/16")
              OutboundResponse cidr16(OutboundRequest request) { return OutboundResponse.ok("cidr16"); }

              @Outbound
              OutboundResponse any(OutboundRequest request) { return OutboundResponse.ok("any"); }

              @OutboundHandler("search")
              OutboundResponse search(OutboundContext context, Search params) {
                  return OutboundResponse.ok("search " + params);
              }
          }
          """);

  @TempDir static Path classes;
  private static URLClassLoader loader;
  private static ContainerDefinition<?> definition;

  @BeforeAll
  static void compileAndLoad() throws IOException {
    Compilation compilation = TestSources.compile(ROUTING);
    assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String name = file.toUri().getPath();
      if (name.startsWith("/CLASS_OUTPUT/")) {
        Path target = classes.resolve(name.substring("/CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    loader =
        new URLClassLoader(
            new java.net.URL[] {classes.toUri().toURL()},
            GeneratedRoutingTest.class.getClassLoader());
    List<ContainerDefinition<?>> found = new ArrayList<>();
    ServiceLoader.load(ContainerDefinition.class, loader).forEach(found::add);
    assertThat(found).hasSize(1);
    definition = found.get(0);
  }

  @AfterAll
  static void close() throws IOException {
    loader.close();
  }

  @Test
  void serviceLoaderFindsTheDefinitionWithTheAnnotationsPolicy() {
    assertThat(definition.getClass().getName()).isEqualTo("com.example.Routing_OutboundContainer");
    assertThat(definition.name()).isEqualTo("routing");
    assertThat(definition.handlerClass().getName()).isEqualTo("com.example.Routing");
    assertThat(definition.policy())
        .isEqualTo(new StaticPolicy(false, Optional.empty(), List.of("*.evil.example"), false));
    assertThat(definition.bindings())
        .containsExactly(
            new BindingRequirement(
                "KV", KvNamespace.class, "KvNamespace", "com.example.Routing(kv)"));
  }

  @Test
  void injectorAsksForEveryNamedBinding() {
    List<String> asked = new ArrayList<>();
    BindingResolver resolver =
        new BindingResolver() {
          @Override
          public <B> B binding(String name, Class<B> type) {
            asked.add(name + ": " + type.getSimpleName());
            return type.cast(
                Proxy.newProxyInstance(
                    loader,
                    new Class<?>[] {type},
                    (proxy, method, arguments) -> {
                      throw new UnsupportedOperationException();
                    }));
          }
        };
    assertThat(definition.newInstance(resolver).getClass().getName())
        .isEqualTo("com.example.Routing");
    assertThat(asked).containsExactly("KV: KvNamespace");
  }

  @Test
  void exactHostsWinOverPatternsAndAPortOverNoPort() throws Exception {
    assertThat(dispatch("http://my.kv/key")).isEqualTo("exact");
    assertThat(dispatch("http://MY.KV./key")).isEqualTo("exact");
    assertThat(dispatch("http://my.kv:8080/key")).isEqualTo("exactWithPort");
    assertThat(dispatch("http://api.example.com/")).isEqualTo("exactUnderGlob");
  }

  @Test
  void globsMatchSubdomainsOnlyLongerGlobFirst() throws Exception {
    assertThat(dispatch("https://a.b.example.com/"))
        .isEqualTo("glob a.b.example.com for container-1");
    assertThat(dispatch("http://v1.api.example.com/")).isEqualTo("longerGlob");
    assertThat(dispatch("http://example.com/")).isNull();
  }

  @Test
  void ipLiteralsAndCidrBlocksLongerPrefixFirst() throws Exception {
    assertThat(dispatch("http://192.168.1.10/")).isEqualTo("ip");
    assertThat(dispatch("http://[2001:db8::1]/")).isEqualTo("ip");
    assertThat(dispatch("http://10.200.0.1/")).isEqualTo("cidr8");
    assertThat(dispatch("http://10.1.2.3/")).isEqualTo("cidr16");
    assertThat(dispatch("http://192.168.1.11/")).isNull();
  }

  @Test
  void catchAllIsSeparateFromHostRoutes() throws Exception {
    assertThat(dispatch("http://unknown.test/")).isNull();
    assertThat(
            call(
                definition, definition.routes().catchAll(), "http://unknown.test/", Params.empty()))
        .isEqualTo("any");
  }

  @Test
  void namedHandlerDecodesItsParamsRecord() throws Exception {
    assertThat(definition.routes().namedHandlers()).isEqualTo(Set.of("search"));
    assertThat(definition.routes().named("missing")).isNull();
    NamedRoute<?> search = definition.routes().named("search");
    assertThat(search.name()).isEqualTo("search");
    Params params = Params.parse("{\"query\": \"q\", \"limit\": 3, \"tags\": [\"a\", \"b\"]}");
    assertThat(call(definition, search.route(), "http://any.test/", params))
        .isEqualTo("search Search[query=q, limit=3, exact=null, tags=[a, b]]");
  }

  @Test
  void namedHandlerParamsCheckRejectsWhatTheRecordCannotHold() {
    NamedRoute<?> search = definition.routes().named("search");
    search.paramsCheck().accept(Params.parse("{\"limit\": 1}"));
    assertThat(
            assertThrows(
                JsonException.class, () -> search.paramsCheck().accept(Params.parse("{}"))))
        .hasMessageThat()
        .isEqualTo("params.limit is required");
    assertThat(
            assertThrows(
                JsonException.class,
                () ->
                    search
                        .paramsCheck()
                        .accept(Params.parse("{\"limit\": 1, \"exact\": \"yes\"}"))))
        .hasMessageThat()
        .isEqualTo("params.exact must be true or false");
  }

  /**
   * The body of the response of the route for the URL's host, or null when no host route matches.
   */
  private static String dispatch(String url) throws Exception {
    OutboundRequest request = OutboundRequest.builder("GET", url).build();
    Route<?> route = definition.routes().forHost(request.authority());
    return route == null ? null : call(definition, route, url, Params.empty());
  }

  @SuppressWarnings("unchecked")
  private static <T> String call(
      ContainerDefinition<T> definition, Route<?> route, String url, Params params)
      throws Exception {
    T app =
        definition.newInstance(
            new BindingResolver() {
              @Override
              public <B> B binding(String name, Class<B> type) {
                return null;
              }
            });
    OutboundResponse response =
        ((Route<T>) route)
            .handler()
            .handle(app, OutboundRequest.builder("GET", url).build(), new TestContext(params));
    return response.text();
  }

  private record TestContext(Params params) implements OutboundContext {

    @Override
    public String containerId() {
      return "container-1";
    }

    @Override
    public String containerName() {
      return "test";
    }

    @Override
    public String containerClass() {
      return "routing";
    }

    @Override
    public OutboundResponse fetch(OutboundRequest request) {
      throw new UnsupportedOperationException("no network in this test");
    }
  }
}
