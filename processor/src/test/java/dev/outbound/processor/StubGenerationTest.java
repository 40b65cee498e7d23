package dev.outbound.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.outbound.processor.TestSources.source;

import com.google.common.truth.StringSubject;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Which methods a durable object's stub overrides and how their signatures carry over. Each class
 * compiles with every lint enabled and warnings as errors, generated stub included.
 */
class StubGenerationTest {

  @Test
  void genericMethodsKeepTheirTypeParametersBoundsAndThrowsClauses() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            import java.util.function.Function;

            class Base<T> {
                public <U extends T> U pick(U value) { return value; }
            }

            @DurableObject
            class Counter extends Base<Number> {
                public <K extends Comparable<K>, V> Map<K, V> index(List<V> values, Function<V, K> key) {
                    return Map.of();
                }

                public <E extends Exception> void fail(E problem) throws E { throw problem; }

                public <T extends Number & Comparable<T>> T max(T a, T b) { return a.compareTo(b) > 0 ? a : b; }
            }
            """);
    StringSubject stub = stubOf(counter);
    stub.contains(
        "public <K extends Comparable<K>, V> Map<K, V> index(List<V> values, Function<V, K> key)"
            + " {");
    stub.contains("public <E extends Exception> void fail(E problem) throws E {");
    stub.contains("public <T extends Number & Comparable<T>> T max(T a, T b) {");
    // As a member of Counter, the bound T of Base<T> is Number.
    stub.contains("public <U extends Number> U pick(U value) {");
  }

  @Test
  void inheritedAndDefaultMethodsOnceEachInTheirMostSpecificForm() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            interface Described {
                default String describe() { return "a counter"; }

                default String owner() { return "nobody"; }
            }

            class Base {
                public int size() { return 0; }

                public String owner() { return "base"; }
            }

            @DurableObject
            class Counter extends Base implements Described {
                @Override
                public int size() { return 1; }

                public int sum(int... values) { return values.length; }
            }
            """);
    StringSubject stub = stubOf(counter);
    stub.contains("public int size() {");
    stub.contains("public int sum(int... values) {");
    stub.contains("public String owner() {");
    stub.contains("public String describe() {");
  }

  @Test
  void deprecatedMethodsAreOverriddenWithoutWarnings() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                @Deprecated
                public void old() {}

                @Deprecated(forRemoval = true)
                public void older() {}
            }
            """);
    stubOf(counter).contains("@SuppressWarnings({\"deprecation\", \"removal\"})");
  }

  @Test
  void parametersNamedActorDoNotHideTheStubsActor() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                @Inject
                Counter(DurableObjectState state, @Named("ACTOR") KvNamespace actor) {}

                public void join(String actor) {}
            }
            """);
    StringSubject stub = stubOf(counter);
    stub.contains(
        "Counter_Stub(ObjectActor actor2, DurableObjectState state, KvNamespace actor) {");
    stub.contains("this.actor = actor2;");
    stub.contains("this.actor.run(() -> super.join(actor));");
  }

  @Test
  void withoutInjectTheConstructorTakingOnlyTheStateIsPreferred() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                Counter() {}

                Counter(DurableObjectState state) {}
            }
            """);
    stubOf(counter).contains("super(state);");
  }

  private static StringSubject stubOf(JavaFileObject source) {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new OutboundProcessor())
            .withOptions("-Xlint:all,-processing", "-Werror")
            .compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    return assertThat(compilation)
        .generatedSourceFile("com.example.Counter_Stub")
        .contentsAsUtf8String();
  }
}
