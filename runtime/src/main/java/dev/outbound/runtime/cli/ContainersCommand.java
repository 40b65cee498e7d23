package dev.outbound.runtime.cli;

import dev.outbound.json.Json;
import dev.outbound.runtime.admin.AdminToken;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code containers create --class C [--name N] | list | delete ID}, against a running server's
 * admin API, authenticated with the token from its data directory. Prints the API's JSON answer.
 */
final class ContainersCommand {

  static final String USAGE =
      "containers (create --class C [--name N] | list | delete ID)"
          + " [--admin URL] [--data-dir DIR]";
  private static final String DEFAULT_ADMIN = "http://127.0.0.1:3129";

  private ContainersCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    if (args.isEmpty()) {
      throw new UsageException("containers needs create, list or delete");
    }
    String action = args.get(0);
    Flags flags =
        Flags.parse(args.subList(1, args.size()), Set.of("class", "name", "admin", "data-dir"));
    HttpRequest.Builder request =
        switch (action) {
          case "create" -> {
            noArguments(flags, action);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(
                "class",
                flags.value("class").orElseThrow(() -> new UsageException("create needs --class")));
            flags.value("name").ifPresent(name -> body.put("name", name));
            yield HttpRequest.newBuilder(uri(flags, "/v1/containers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
          }
          case "list" -> {
            noArguments(flags, action);
            yield HttpRequest.newBuilder(uri(flags, "/v1/containers")).GET();
          }
          case "delete" -> {
            if (flags.positional().size() != 1) {
              throw new UsageException("delete needs exactly one container id");
            }
            yield HttpRequest.newBuilder(uri(flags, "/v1/containers/" + flags.positional().get(0)))
                .DELETE();
          }
          default -> throw new UsageException("unknown containers action " + action);
        };
    Path dataDir = Path.of(flags.value("data-dir").orElse("outbound-data"));
    String token;
    try {
      token = AdminToken.read(dataDir);
    } catch (NoSuchFileException e) {
      err.println(
          "outbound: no admin token in "
              + dataDir.toAbsolutePath()
              + "; pass --data-dir with the server's data directory");
      return 1;
    }
    HttpResponse<String> response;
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      response =
          client.send(
              request
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    if (response.statusCode() / 100 != 2) {
      err.println("outbound: admin API answered " + response.statusCode() + ": " + response.body());
      return 1;
    }
    if (!response.body().isEmpty()) {
      out.println(response.body());
    }
    return 0;
  }

  private static void noArguments(Flags flags, String action) {
    if (!flags.positional().isEmpty()) {
      throw new UsageException(action + " takes no arguments: " + flags.positional());
    }
  }

  private static URI uri(Flags flags, String path) {
    String base = flags.value("admin").orElse(DEFAULT_ADMIN);
    try {
      return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--admin must be a URL such as " + DEFAULT_ADMIN + ", was " + base);
    }
  }
}
