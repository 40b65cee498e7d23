package dev.outbound.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.outbound.processor.TestSources.assertOnlyError;
import static dev.outbound.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outbound.host.HostPattern;
import dev.outbound.host.InvalidHostPatternException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class HandlerMethodErrorsTest {

  @Test
  void hostHandlerParameterOfAnUnsupportedType() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my.kv")
                OutboundResponse kv(OutboundRequest request,
                                    String key) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "String key",
        "handler method kv cannot take parameter key of type java.lang.String: handler parameters"
            + " are OutboundRequest and OutboundContext, each at most once");
  }

  @Test
  void namedHandlerParameterOfAnUnsupportedTypeListsParamsToo() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHandler("github")
                OutboundResponse github(OutboundRequest request,
                                        int limit) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "int limit",
        "handler method github cannot take parameter limit of type int: handler parameters are"
            + " OutboundRequest and OutboundContext, each at most once, and one params parameter:"
            + " dev.outbound.Params or a record of String, boolean, int, long, double, their boxed"
            + " forms, List<String> or Map<String, String>");
  }

  @Test
  void theSameArgumentTwice() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my.kv")
                OutboundResponse kv(OutboundRequest request, OutboundContext context,
                                    OutboundRequest again) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "OutboundRequest again",
        "handler method kv already takes the OutboundRequest as parameter request: remove parameter"
            + " again");
  }

  @Test
  void paramsOnAHostHandler() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                record KvParams(String prefix) {}

                @OutboundHost("my.kv")
                OutboundResponse kv(OutboundRequest request,
                                    KvParams params) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "KvParams params",
        "only @OutboundHandler methods take params: remove parameter params, or make kv a named"
            + " handler");
  }

  @Test
  void twoParamsParametersOnANamedHandler() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                record GithubParams(String repo) {}

                @OutboundHandler("github")
                OutboundResponse github(GithubParams params,
                                        Params raw) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "Params raw",
        "handler method github already takes its params as parameter params: remove parameter raw");
  }

  @Test
  void paramsRecordWithAComponentJsonCannotFill() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                record GithubParams(String repo, java.time.Instant since) {}

                @OutboundHandler("github")
                OutboundResponse github(OutboundRequest request,
                                        GithubParams params) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "GithubParams params",
        "params record GithubParams cannot be decoded from JSON: component since has type"
            + " java.time.Instant; use String, boolean, int, long, double, their boxed forms,"
            + " List<String> or Map<String, String>");
  }

  @Test
  void privateParamsRecord() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                private record GithubParams(String repo) {}

                @OutboundHandler("github")
                OutboundResponse github(OutboundRequest request,
                                        GithubParams params) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "GithubParams params",
        "params record GithubParams must not be private or nested in a private class: the generated"
            + " routes decode params into it");
  }

  @Test
  void returnTypeOtherThanOutboundResponse() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my.kv")
                String kv(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app, "String kv(", "handler method kv must return OutboundResponse, not java.lang.String");
  }

  @Test
  void privateHandlerMethod() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my.kv")
                private OutboundResponse kv(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "private OutboundResponse kv(",
        "handler method kv must not be private: the generated routes in the same package call it;"
            + " make it package-private");
  }

  @Test
  void staticHandlerMethod() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my.kv")
                static OutboundResponse kv(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "static OutboundResponse kv(",
        "handler method kv must not be static: handlers run on the container's one instance, which"
            + " holds its bindings; remove 'static'");
  }

  @Test
  void namedHandlerThatIsAlsoTheCatchAll() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @Outbound
                @OutboundHandler("github")
                OutboundResponse github(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "@OutboundHandler(\"github\")",
        "method github cannot be both @OutboundHandler and @Outbound: a named handler serves only"
            + " when the admin API selects it; declare the catch-all in a separate method");
  }

  @Test
  void namedHandlerThatIsAlsoAHostHandler() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("api.github.com")
                @OutboundHandler("github")
                OutboundResponse github(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "@OutboundHandler(\"github\")",
        "method github cannot be both @OutboundHandler and @OutboundHost: a named handler serves"
            + " only when the admin API selects it (for a host, too); declare the @OutboundHost"
            + " route in a separate method");
  }

  @Test
  void emptyHandlerName() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHandler("")
                OutboundResponse github(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        app,
        "@OutboundHandler(\"\")",
        "@OutboundHandler name must not be empty: write the name the admin API selects it by, e.g."
            + " @OutboundHandler(\"github\")");
  }

  @Test
  void invalidHostPatternQuotesTheParser() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my..kv")
                OutboundResponse kv(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(app, "@OutboundHost(\"my..kv\")", parserMessage("my..kv"));
  }

  @Test
  void invalidRepeatedHostPatternPointsAtItsAnnotation() {
    JavaFileObject app =
        source(
            "App",
            """
            @OutboundContainer(name = "app")
            class App {
                @OutboundHost("my.kv")
                @OutboundHost("10.0.0.1/8")
                OutboundResponse kv(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(app, "@OutboundHost(\"10.0.0.1/8\")", parserMessage("10.0.0.1/8"));
  }

  @Test
  void handlerMethodOutsideAContainerClass() {
    JavaFileObject base =
        source(
            "Base",
            """
            class Base {
                @OutboundHost("my.kv")
                OutboundResponse kv(OutboundRequest request) { return null; }
            }
            """);
    assertOnlyError(
        base,
        "OutboundResponse kv(",
        "handler method kv is never called: Base is not annotated @OutboundContainer; declare"
            + " handler methods in the container class itself");
  }

  /** The processor reports what the runtime's parser says; this pins that it names the pattern. */
  private static String parserMessage(String pattern) {
    String message =
        assertThrows(InvalidHostPatternException.class, () -> HostPattern.parse(pattern))
            .getMessage();
    assertThat(message).contains("\"" + pattern + "\"");
    return message;
  }
}
