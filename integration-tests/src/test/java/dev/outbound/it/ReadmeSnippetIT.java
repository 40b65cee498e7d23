package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a throw-away Maven project from exactly the pom snippet in README.md, outside the reactor, and
 * runs its generated routing code: if the documented setup stops working, this fails.
 */
class ReadmeSnippetIT {

  private static final Path REPO = Path.of(System.getProperty("outbound.repo")).toAbsolutePath().normalize();

  @TempDir
  Path project;

  @Test
  void readmeSnippetBuildsAProjectWhoseGeneratedRoutesDispatch() throws IOException {
    writeProject();

    Processes.run(project, Duration.ofMinutes(5), Processes.javaEnv(),
        List.of("mvn", "-B", "-q", "-ntp", "package")).assertSuccess("mvn package");
    Path jar = project.resolve("target/app.jar");
    assertTrue(Files.isRegularFile(jar), "the snippet packages target/app.jar");

    String output = Processes.run(project, Duration.ofMinutes(1), Processes.javaEnv(),
        List.of(Processes.java(), "-cp", jar.toString(), "example.Check")).assertSuccess("Check").output();

    assertEquals("""
        http my.kv:80 -> kv
        http MY.KV.:80 -> kv
        http my.kv:8443 -> kv-port
        http api.example.com:80 -> glob
        http example.com:80 -> catch-all
        http 192.0.2.7:80 -> ip
        http 10.20.30.40:80 -> cidr
        http 11.0.0.1:80 -> catch-all
        http [2001:db8::5]:80 -> cidr6
        named github -> named:outbound/3
        services -> snippet-app
        """, output.replace("\r", ""));
  }

  private void writeProject() throws IOException {
    Files.writeString(project.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>snippet-app</artifactId>
          <version>1</version>
        """ + readmeSnippet() + "\n</project>\n");
    Path sources = Files.createDirectories(project.resolve("src/main/java/example"));
    Files.writeString(sources.resolve("SnippetApp.java"), """
        package example;

        import dev.outbound.*;

        @OutboundContainer(name = "snippet-app")
        public final class SnippetApp {
          record RepoParams(String repo, int limit) {}

          @OutboundHost("my.kv")
          OutboundResponse kv(OutboundRequest request) { return OutboundResponse.ok("kv"); }

          @OutboundHost("my.kv:8443")
          OutboundResponse kvPort(OutboundRequest request) { return OutboundResponse.ok("kv-port"); }

          @OutboundHost("*.example.com")
          OutboundResponse glob(OutboundRequest request) { return OutboundResponse.ok("glob"); }

          @OutboundHost("192.0.2.7")
          OutboundResponse ip(OutboundRequest request) { return OutboundResponse.ok("ip"); }

          @OutboundHost("10.0.0.0/8")
          OutboundResponse cidr(OutboundRequest request) { return OutboundResponse.ok("cidr"); }

          @OutboundHost("[2001:db8::]/32")
          OutboundResponse cidr6(OutboundRequest request) { return OutboundResponse.ok("cidr6"); }

          @Outbound
          OutboundResponse any(OutboundRequest request, OutboundContext ctx) { return OutboundResponse.ok("catch-all"); }

          @OutboundHandler("github")
          OutboundResponse github(OutboundRequest request, RepoParams params) {
            return OutboundResponse.ok("named:" + params.repo() + "/" + params.limit());
          }
        }
        """);
    Files.writeString(sources.resolve("Check.java"), """
        package example;

        import dev.outbound.*;
        import dev.outbound.host.HostNormalizer;
        import dev.outbound.spi.*;
        import java.util.ServiceLoader;

        /** Drives the generated code the way the runtime does and prints what each request reached. */
        public final class Check {
          public static void main(String[] args) throws Exception {
            @SuppressWarnings("unchecked")
            ContainerDefinition<Object> definition = ServiceLoader.load(ContainerDefinition.class).stream()
                .map(ServiceLoader.Provider::get).filter(d -> d.name().equals("snippet-app"))
                .findFirst().orElseThrow();
            Object app = definition.newInstance(new BindingResolver() {
              public <B> B binding(String name, Class<B> type) { throw new IllegalStateException(name); }
            });
            RouteTable<Object> routes = definition.routes();
            String[][] targets = {{"my.kv", "80"}, {"MY.KV.", "80"}, {"my.kv", "8443"}, {"api.example.com", "80"},
                {"example.com", "80"}, {"192.0.2.7", "80"}, {"10.20.30.40", "80"}, {"11.0.0.1", "80"},
                {"[2001:db8::5]", "80"}};
            for (String[] target : targets) {
              var authority = HostNormalizer.normalize(target[0], Integer.parseInt(target[1]));
              Route<Object> route = routes.forHost(authority);
              if (route == null) {
                route = routes.catchAll();
              }
              var request = OutboundRequest.builder("GET", "http", authority, "/", null).build();
              System.out.println("http " + target[0] + ":" + target[1] + " -> "
                  + route.handler().handle(app, request, context(Params.empty())).text());
            }
            NamedRoute<Object> named = routes.named("github");
            var request = OutboundRequest.builder("GET", "http://api.github.com/").build();
            Params params = Params.parse("{\\"repo\\":\\"outbound\\",\\"limit\\":3}");
            named.paramsCheck().accept(params);
            System.out.println("named github -> " + named.route().handler().handle(app, request, context(params)).text());
            System.out.println("services -> " + definition.name());
          }

          private static OutboundContext context(Params params) {
            return new OutboundContext() {
              public String containerId() { return "0".repeat(64); }
              public String containerName() { return "check"; }
              public String containerClass() { return "snippet-app"; }
              public Params params() { return params; }
              public OutboundResponse fetch(OutboundRequest request) { throw new IllegalStateException("no network here"); }
            };
          }
        }
        """);
  }

  private static String readmeSnippet() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    int start = readme.indexOf("<!-- pom-snippet:start -->");
    int end = readme.indexOf("<!-- pom-snippet:end -->");
    assertTrue(start >= 0 && end > start, "README.md marks its pom snippet");
    String block = readme.substring(start, end);
    return block.substring(block.indexOf("```xml") + "```xml".length(), block.lastIndexOf("```")).strip();
  }
}
