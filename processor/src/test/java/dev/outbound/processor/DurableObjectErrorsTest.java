package dev.outbound.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.outbound.processor.TestSources.assertOnlyError;
import static dev.outbound.processor.TestSources.compile;
import static dev.outbound.processor.TestSources.lineOf;
import static dev.outbound.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class DurableObjectErrorsTest {

  @Test
  void finalClass() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            final class Counter {
            }
            """);
    assertOnlyError(
        counter,
        "final class Counter",
        "@DurableObject class Counter must not be final: the generated stub extends it to run every"
            + " public method through the object's actor; remove 'final'");
  }

  @Test
  void record() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            record Counter(long value) {
            }
            """);
    assertOnlyError(
        counter,
        "@DurableObject",
        "@DurableObject must annotate a class, not a record: the generated stub extends it");
  }

  @Test
  void sealedClass() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            sealed class Counter permits Counter.Special {
                static final class Special extends Counter {}
            }
            """);
    assertOnlyError(
        counter,
        "sealed class Counter",
        "@DurableObject class Counter must not be sealed: the generated stub extends it; remove"
            + " 'sealed' and its permits clause");
  }

  @Test
  void privateNestedClass() {
    JavaFileObject outer =
        source(
            "Outer",
            """
            class Outer {
                @DurableObject
                private static class Counter {
                }
            }
            """);
    assertOnlyError(
        outer,
        "private static class Counter",
        "@DurableObject class Counter must not be private: the generated stub in its package"
            + " extends it; make it package-private or public");
  }

  @Test
  void classNestedInAPrivateClass() {
    JavaFileObject outer =
        source(
            "Outer",
            """
            class Outer {
                private static class Hidden {
                    @DurableObject
                    static class Counter {
                    }
                }
            }
            """);
    assertOnlyError(
        outer,
        "static class Counter",
        "@DurableObject class Counter must not be nested in private class Hidden: the generated"
            + " stub in its package extends it; make Hidden package-private or public");
  }

  @Test
  void nonStaticNestedClass() {
    JavaFileObject outer =
        source(
            "Outer",
            """
            class Outer {
                @DurableObject
                class Counter {
                }
            }
            """);
    assertOnlyError(
        outer,
        "class Counter",
        "@DurableObject class Counter must be static: the generated stub extends it without an"
            + " instance of Outer; declare it 'static class Counter'");
  }

  @Test
  void abstractClass() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            abstract class Counter {
            }
            """);
    assertOnlyError(
        counter,
        "abstract class Counter",
        "@DurableObject class Counter must not be abstract: the runtime creates one instance of it"
            + " per object; remove 'abstract'");
  }

  @Test
  void typeParameters() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter<T> {
            }
            """);
    assertOnlyError(
        counter,
        "class Counter<T>",
        "@DurableObject class Counter must not declare type parameters: the runtime creates its"
            + " objects from the class alone, so there is nothing to choose them");
  }

  @Test
  void noUsableConstructor() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                Counter(DurableObjectState state, @Named("KV") KvNamespace kv) {}
            }
            """);
    assertOnlyError(
        counter,
        "class Counter {",
        "Counter has no usable constructor: annotate the constructor that takes its state and"
            + " bindings with @Inject, or declare a constructor that takes only DurableObjectState"
            + " or nothing");
  }

  @Test
  void privateConstructorTakingOnlyTheState() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                private Counter(DurableObjectState state) {}
            }
            """);
    assertOnlyError(
        counter,
        "private Counter(",
        "the constructor taking DurableObjectState must not be private: the generated stub calls"
            + " it; make it package-private");
  }

  @Test
  void constructorThrowingACheckedException() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                @Inject
                Counter(DurableObjectState state) throws java.io.IOException {}
            }
            """);
    assertOnlyError(
        counter,
        "Counter(DurableObjectState state) throws",
        "the @Inject constructor must not throw checked exception java.io.IOException: the runtime"
            + " activates the object through DurableObjectDefinition.activate, which throws none;"
            + " catch it and throw an unchecked exception");
  }

  @Test
  void stateTakenTwice() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                @Inject
                Counter(DurableObjectState state,
                        DurableObjectState again) {}
            }
            """);
    assertOnlyError(
        counter,
        "DurableObjectState again",
        "the @Inject constructor already takes the DurableObjectState as parameter state: remove"
            + " parameter again");
  }

  @Test
  void bindingParameterWithoutNamed() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                @Inject
                Counter(DurableObjectState state,
                        KvNamespace kv) {}
            }
            """);
    assertOnlyError(
        counter,
        "KvNamespace kv",
        "binding parameter kv needs @Named with the name of a binding in the configuration, e.g."
            + " @Named(\"KV\") dev.outbound.binding.KvNamespace kv");
  }

  @Test
  void bindingOfATypeNoBindingProvides() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                @Inject
                Counter(DurableObjectState state,
                        @Named("LIMIT") String limit) {}
            }
            """);
    assertOnlyError(
        counter,
        "@Named(\"LIMIT\") String limit",
        "binding parameter limit has type java.lang.String, which no binding provides: use"
            + " KvNamespace, ObjectBucket, Secret or DurableObjectNamespace<T> with T a"
            + " @DurableObject class, or DurableObjectState for the object's own state");
  }

  @Test
  void finalPublicMethod() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                public final long increment(int by) { return by; }
            }
            """);
    assertOnlyError(
        counter,
        "public final long increment",
        "public method increment must not be final: the generated stub overrides every public"
            + " method to run calls one at a time through the object's actor; make it non-final or"
            + " non-public");
  }

  @Test
  void finalPublicMethodOfASuperclassIsReportedOnTheClass() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            class Ledger {
                public final int size() { return 0; }
            }

            @DurableObject
            class Counter extends Ledger {
            }
            """);
    assertOnlyError(
        counter,
        "class Counter extends Ledger",
        "public method size inherited from Ledger must not be final: the generated stub overrides"
            + " every public method to run calls one at a time through the object's actor; make it"
            + " non-final or non-public in Ledger");
  }

  /** Final methods the stub does not override (not public, static, or Object's) are fine. */
  @Test
  void finalMethodsThatAreNotRoutedAreFine() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
                final long peek() { return 0; }

                public static final Counter none() { return null; }

                @Override
                public final String toString() { return "counter"; }
            }
            """);
    Compilation compilation = compile(counter);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com.example.Counter_Stub")
        .contentsAsUtf8String()
        .doesNotContain("@Override");
  }

  @Test
  void everyProblemOfTheClassIsReportedAndNothingGenerated() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            final class Counter {
                @Inject
                Counter(@Named("KV") KvNamespace kv,
                        KvNamespace other) {}

                public final void reset() {}
            }
            """);
    FileRecordingProcessor processor = new FileRecordingProcessor();
    Compilation compilation = Compiler.javac().withProcessors(processor).compile(counter);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("@DurableObject class Counter must not be final")
        .inFile(counter)
        .onLine(lineOf(counter, "final class Counter"));
    assertThat(compilation)
        .hadErrorContaining("binding parameter other needs @Named")
        .inFile(counter)
        .onLine(lineOf(counter, "KvNamespace other"));
    assertThat(compilation)
        .hadErrorContaining("public method reset must not be final")
        .inFile(counter)
        .onLine(lineOf(counter, "public final void reset"));
    assertThat(processor.createdFiles()).isEmpty();
  }
}
