package dev.outbound.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.outbound.processor.TestSources.compile;
import static dev.outbound.processor.TestSources.lineOf;
import static dev.outbound.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How validation, deferral and generation fit together across classes and rounds. */
class ProcessingStepsTest {

  @Test
  void reportsEveryProblemOfAClassAndGeneratesNothingForIt() {
    JavaFileObject broken =
        source(
            "Broken",
            """
            @OutboundContainer(name = "broken")
            class Broken {
                @OutboundHost("my.kv")
                private OutboundResponse kv(OutboundRequest request) { return null; }

                @OutboundHost("my..kv")
                String other(OutboundRequest request) { return null; }
            }
            """);
    JavaFileObject fine =
        source(
            "Fine",
            """
            @OutboundContainer(name = "fine")
            class Fine {
                @OutboundHost("my.kv")
                OutboundResponse kv(OutboundRequest request) { return null; }
            }
            """);
    FileRecordingProcessor processor = new FileRecordingProcessor();
    Compilation compilation = Compiler.javac().withProcessors(processor).compile(broken, fine);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("handler method kv must not be private")
        .inFile(broken)
        .onLine(lineOf(broken, "private OutboundResponse kv"));
    assertThat(compilation)
        .hadErrorContaining("invalid host pattern \"my..kv\"")
        .inFile(broken)
        .onLine(lineOf(broken, "@OutboundHost(\"my..kv\")"));
    assertThat(compilation)
        .hadErrorContaining("handler method other must return OutboundResponse")
        .inFile(broken)
        .onLine(lineOf(broken, "String other("));
    assertThat(processor.createdFiles().keySet())
        .containsExactly(
            "com.example.Fine_OutboundRoutes",
            "com.example.Fine_Injector",
            "com.example.Fine_OutboundContainer",
            "META-INF/services/dev.outbound.spi.ContainerDefinition");
  }

  @Test
  void everyGeneratedFileNamesItsAnnotatedClassesAsOrigin() {
    JavaFileObject first =
        source(
            "First",
            """
            @OutboundContainer(name = "first")
            class First {
            }
            """);
    JavaFileObject second =
        source(
            "Second",
            """
            @OutboundContainer(name = "second")
            class Second {
            }
            """);
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter {
            }
            """);
    FileRecordingProcessor processor = new FileRecordingProcessor();
    assertThat(Compiler.javac().withProcessors(processor).compile(first, second, counter))
        .succeededWithoutWarnings();
    assertThat(processor.createdFiles())
        .containsExactly(
            "com.example.First_OutboundRoutes", List.of("com.example.First"),
            "com.example.First_Injector", List.of("com.example.First"),
            "com.example.First_OutboundContainer", List.of("com.example.First"),
            "com.example.Second_OutboundRoutes", List.of("com.example.Second"),
            "com.example.Second_Injector", List.of("com.example.Second"),
            "com.example.Second_OutboundContainer", List.of("com.example.Second"),
            "com.example.Counter_Stub", List.of("com.example.Counter"),
            "com.example.Counter_DurableObject", List.of("com.example.Counter"),
            "META-INF/services/dev.outbound.spi.ContainerDefinition",
                List.of("com.example.First", "com.example.Second"),
            "META-INF/services/dev.outbound.spi.DurableObjectDefinition",
                List.of("com.example.Counter"));
  }

  @Test
  void catchAllMayAlsoServeHostsAheadOfARunTimeCatchAll() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Outbound
                @OutboundHost("my.kv")
                OutboundResponse any(OutboundRequest request) { return null; }
            }
            """);
    Compilation compilation = compile(app);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com.example.App_OutboundRoutes")
        .contentsAsUtf8String()
        .contains(".add(\"my.kv\", new Route<>(\"my.kv\", \"any\"");
    assertThat(compilation)
        .generatedSourceFile("com.example.App_OutboundRoutes")
        .contentsAsUtf8String()
        .contains("CATCH_ALL = new Route<>(\"*\", \"any\"");
  }

  @Test
  void waitsForTypesAnotherProcessorGeneratesInALaterRound() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Inject
                App(@Named("COUNTERS") DurableObjectNamespace<GeneratedCounter> counters) {}

                @OutboundHandler("github")
                OutboundResponse github(OutboundRequest request, GeneratedCounter.Params params) { return null; }
            }
            """);
    Compilation compilation =
        TestSources.compileWithGenerated(
            app,
            "com.example.GeneratedCounter",
            """
            package com.example;

            @dev.outbound.DurableObject
            public class GeneratedCounter {
                public record Params(String repo, int limit) {}
            }
            """);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com.example.App_OutboundRoutes")
        .contentsAsUtf8String()
        .contains("new GeneratedCounter.Params(");
    assertThat(compilation)
        .generatedSourceFile("com.example.App_Injector")
        .contentsAsUtf8String()
        .contains("(DurableObjectNamespace<GeneratedCounter>) bindings.binding(\"COUNTERS\"");
  }

  @Test
  void durableObjectWaitsForASuperclassAnotherProcessorGenerates() {
    JavaFileObject counter =
        source(
            "Counter",
            """
            @DurableObject
            class Counter extends GeneratedLedger {
            }
            """);
    Compilation compilation =
        TestSources.compileWithGenerated(
            counter,
            "com.example.GeneratedLedger",
            """
            package com.example;

            public class GeneratedLedger {
                public int size() { return 0; }
            }
            """);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com.example.Counter_Stub")
        .contentsAsUtf8String()
        .contains("public int size() {");
  }

  @Test
  void typeThatNeverAppearsIsReportedAfterTheLastRound() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my.kv")
                OutboundResponse kv(OutboundRequest request, MissingParams params) { return null; }
            }
            """);
    Compilation compilation = compile(app);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "generated no code for @OutboundContainer class com.example.App because MissingParams"
                + " could not be resolved: fix the import, or the processor that should generate"
                + " it")
        .inFile(app)
        .onLine(lineOf(app, "class App {"));
    // javac reports the missing type itself; nothing reports it as an unsupported parameter.
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(app)
        .onLine(lineOf(app, "MissingParams"));
    assertThat(compilation).hadErrorCount(2);
  }
}
