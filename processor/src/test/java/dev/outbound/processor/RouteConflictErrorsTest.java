package dev.outbound.processor;

import static dev.outbound.processor.TestSources.assertOnlyError;
import static dev.outbound.processor.TestSources.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class RouteConflictErrorsTest {

  @Test
  void twoMethodsOnTheSameHostPatternInDifferentSpellings() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my.kv")
                OutboundResponse kv(OutboundRequest request) { return null; }

                @OutboundHost("MY.KV.")
                OutboundResponse other(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "@OutboundHost(\"MY.KV.\")",
        "host pattern \"MY.KV.\" is already routed to kv() (both are my.kv): route each host"
            + " pattern to one @OutboundHost method");
  }

  @Test
  void repeatedHostAnnotationPointsAtTheRepeatedValue() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my.kv")
                @OutboundHost("*.r2.example")
                OutboundResponse kv(OutboundRequest request) { return null; }

                @OutboundHost("a.example")
                @OutboundHost("*.R2.example")
                OutboundResponse other(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "@OutboundHost(\"*.R2.example\")",
        "host pattern \"*.R2.example\" is already routed to kv() (both are *.r2.example)");
  }

  @Test
  void twoCatchAlls() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Outbound
                OutboundResponse first(OutboundRequest request) { return null; }

                @Outbound // second
                OutboundResponse second(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "@Outbound // second",
        "only one @Outbound catch-all is allowed per class and first() already is one: remove"
            + " @Outbound here, or route specific hosts with @OutboundHost");
  }

  @Test
  void twoNamedHandlersWithTheSameName() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHandler("github")
                OutboundResponse github(OutboundRequest request) { return null; }

                @OutboundHandler("github") OutboundResponse again(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "again(",
        "named handler \"github\" is already declared by github(): give each @OutboundHandler of a"
            + " class its own name");
  }
}
