package dev.outbound.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.outbound.processor.TestSources.assertOnlyError;
import static dev.outbound.processor.TestSources.compile;
import static dev.outbound.processor.TestSources.lineOf;
import static dev.outbound.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class InjectionErrorsTest {

  @Test
  void noUsableConstructor() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                App(@Named("KV") KvNamespace kv) {}
            }
            """);
    assertOnlyError(
        app,
        "class App {",
        "App has no usable constructor: annotate the constructor that takes its bindings with"
            + " @Inject, or declare a constructor without parameters");
  }

  @Test
  void twoInjectConstructors() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Inject App(@Named("KV") KvNamespace kv) {}

                @Inject App(@Named("SECRET") Secret secret) {}
            }
            """);
    assertOnlyError(
        app,
        "@Inject App(@Named(\"SECRET\")",
        "only one constructor may be annotated @Inject: the injector would not know which to call;"
            + " remove @Inject here or from the other constructor");
  }

  @Test
  void privateInjectConstructor() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Inject
                private App(@Named("KV") KvNamespace kv) {}
            }
            """);
    assertOnlyError(
        app,
        "private App(",
        "the @Inject constructor must not be private: the generated injector calls it; make it"
            + " package-private");
  }

  @Test
  void privateConstructorWithoutParameters() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                private App() {}
            }
            """);
    assertOnlyError(
        app,
        "private App()",
        "the constructor without parameters must not be private: the generated injector calls it;"
            + " make it package-private");
  }

  @Test
  void constructorThrowingACheckedException() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                App() throws java.io.IOException {}
            }
            """);
    assertOnlyError(
        app,
        "App() throws",
        "the constructor without parameters must not throw checked exception java.io.IOException:"
            + " the runtime creates the handler at start and cannot recover; catch it and throw an"
            + " unchecked exception");
  }

  @Test
  void bindingParameterWithoutNamed() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Inject
                App(@Named("KV") KvNamespace kv,
                    ObjectBucket bucket) {}
            }
            """);
    assertOnlyError(
        app,
        "ObjectBucket bucket",
        "binding parameter bucket needs @Named with the name of a binding in the configuration,"
            + " e.g. @Named(\"KV\") dev.outbound.binding.ObjectBucket bucket");
  }

  @Test
  void emptyNamed() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Inject
                App(@Named("") KvNamespace kv) {}
            }
            """);
    assertOnlyError(
        app,
        "@Named(\"\")",
        "@Named of binding parameter kv must not be empty: write the name of a binding in the"
            + " configuration, e.g. @Named(\"KV\")");
  }

  @Test
  void bindingOfATypeNoBindingProvides() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Inject
                App(@Named("KV") KvNamespace kv,
                    @Named("URL") String url) {}
            }
            """);
    assertOnlyError(
        app,
        "@Named(\"URL\") String url",
        "binding parameter url has type java.lang.String, which no binding provides: use"
            + " KvNamespace, ObjectBucket, Secret or DurableObjectNamespace<T> with T a"
            + " @DurableObject class");
  }

  @Test
  void durableObjectNamespaceOfAClassThatIsNoDurableObject() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                static class Counter {}

                @Inject
                App(@Named("COUNTERS") DurableObjectNamespace<Counter> counters) {}
            }
            """);
    assertOnlyError(
        app,
        "DurableObjectNamespace<Counter> counters",
        "binding parameter counters stores Counter, which is not a durable object: annotate Counter"
            + " with @DurableObject");
  }

  @Test
  void durableObjectNamespaceWithoutItsClass() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Inject
                App(@Named("COUNTERS") DurableObjectNamespace<?> counters) {}
            }
            """);
    assertOnlyError(
        app,
        "DurableObjectNamespace<?> counters",
        "binding parameter counters must name the class it stores: write"
            + " DurableObjectNamespace<Counter> with Counter a class annotated @DurableObject");
  }

  @Test
  void privateDurableObjectClass() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @DurableObject
                private static class Counter {}

                @Inject
                App(@Named("COUNTERS") DurableObjectNamespace<Counter> counters) {}
            }
            """);
    Compilation compilation = compile(app);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "durable object class Counter must not be private or nested in a private class: the"
                + " generated injector names it")
        .inFile(app)
        .onLine(lineOf(app, "DurableObjectNamespace<Counter> counters"));
    // The durable object class itself is reported too, as it gets no stub.
    assertThat(compilation)
        .hadErrorContaining("@DurableObject class Counter must not be private")
        .inFile(app)
        .onLine(lineOf(app, "private static class Counter"));
  }
}
