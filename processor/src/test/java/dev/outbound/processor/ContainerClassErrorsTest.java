package dev.outbound.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.outbound.processor.TestSources.assertOnlyError;
import static dev.outbound.processor.TestSources.compile;
import static dev.outbound.processor.TestSources.lineOf;
import static dev.outbound.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import dev.outbound.host.HostPattern;
import dev.outbound.host.InvalidHostPatternException;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class ContainerClassErrorsTest {

  @Test
  void privateNestedClass() {
    JavaFileObject outer =
        source(
            "Outer",
            """
            class Outer {
                @OutboundContainer(name = "app")
                private static class App {
                }
            }
            """);
    assertOnlyError(
        outer,
        "private static class App",
        "@OutboundContainer class App must not be private: generated code in its package names it;"
            + " make it package-private or public");
  }

  @Test
  void classNestedInAPrivateClass() {
    JavaFileObject outer =
        source(
            "Outer",
            """
            class Outer {
                private static class Hidden {
                    @OutboundContainer(name = "app")
                    static class App {
                    }
                }
            }
            """);
    assertOnlyError(
        outer,
        "static class App",
        "@OutboundContainer class App must not be nested in private class Hidden: generated code in"
            + " its package names it; make Hidden package-private or public");
  }

  @Test
  void nonStaticNestedClass() {
    JavaFileObject outer =
        source(
            "Outer",
            """
            class Outer {
                @OutboundContainer(name = "app")
                class App {
                }
            }
            """);
    assertOnlyError(
        outer,
        "class App",
        "@OutboundContainer class App must be static: generated code creates it without an instance"
            + " of Outer; declare it 'static class App'");
  }

  @Test
  void abstractClass() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            abstract class App {
            }
            """);
    assertOnlyError(
        app,
        "abstract class App",
        "@OutboundContainer class App must not be abstract: its injector creates the one handler"
            + " instance; remove 'abstract'");
  }

  @Test
  void interfaceInsteadOfClass() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            interface App {
            }
            """);
    assertOnlyError(
        app,
        "@OutboundContainer(name = \"app\")",
        "@OutboundContainer must annotate a class, not an interface: the injector creates an"
            + " instance of it");
  }

  @Test
  void typeParameters() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App<T> {
            }
            """);
    assertOnlyError(
        app,
        "class App<T>",
        "@OutboundContainer class App must not declare type parameters: the runtime creates exactly"
            + " one instance of it, so there is nothing to choose them");
  }

  @Test
  void emptyContainerName() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "")
            class App {
            }
            """);
    assertOnlyError(
        app,
        "@OutboundContainer(name = \"\")",
        "@OutboundContainer name must not be empty: name the container class, e.g."
            + " @OutboundContainer(name = \"my-app\")");
  }

  @Test
  void invalidAllowedHostPointsAtTheArrayElement() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(
                    name = "app",
                    allowedHosts = {
                            "api.example.com",
                            "300.1.2.3/8"})
            class App {
            }
            """);
    assertOnlyError(app, "\"300.1.2.3/8\"", parserMessage("300.1.2.3/8"));
  }

  @Test
  void invalidDeniedHost() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(
                    name = "app",
                    deniedHosts = "exa mple.com")
            class App {
            }
            """);
    assertOnlyError(app, "deniedHosts = \"exa mple.com\"", parserMessage("exa mple.com"));
  }

  @Test
  void twoContainerClassesWithTheSameName() {
    JavaFileObject first =
        source(
            "First",
            """
            @OutboundContainer(name = "my-app")
            class First {
            }
            """);
    JavaFileObject second =
        source(
            "Second",
            """
            @OutboundContainer(name = "my-app")
            class Second {
            }
            """);
    Compilation compilation = compile(first, second);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "container name \"my-app\" is already used by com.example.First: configuration and the"
                + " admin API select container classes by name; give each @OutboundContainer its"
                + " own name")
        .inFile(second)
        .onLine(lineOf(second, "@OutboundContainer(name = \"my-app\")"));
  }

  @Test
  void twoContainerClassesWithTheSameNameInDifferentRounds() {
    JavaFileObject first =
        source(
            "First",
            """
            @OutboundContainer(name = "my-app")
            class First {
            }
            """);
    Compilation compilation =
        TestSources.compileWithGenerated(
            first,
            "com.example.Second",
            """
            package com.example;

            @dev.outbound.OutboundContainer(name = "my-app")
            class Second {
            }
            """);
    assertThat(compilation).hadErrorCount(1);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    Truth.assertThat(error.getMessage(Locale.ROOT))
        .contains("container name \"my-app\" is already used by com.example.First");
    Truth.assertThat(error.getSource().getName())
        .isEqualTo("/SOURCE_OUTPUT/com/example/Second.java");
    Truth.assertThat(error.getLineNumber()).isEqualTo(3);
  }

  private static String parserMessage(String pattern) {
    return assertThrows(InvalidHostPatternException.class, () -> HostPattern.parse(pattern))
        .getMessage();
  }
}
