package dev.outbound.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Drives the proxy with the real curl, the client most containers use. */
final class Curl {

  /** Status code and body of one exchange. */
  record Reply(int status, String body) {}

  private static final String STATUS_MARK = "\n--status:";

  private Curl() {}

  /** {@code curl -x proxyUrl [args...] url}, returning status and body. */
  static Reply viaProxy(String proxyUrl, String url, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "curl",
                "-s",
                "-S",
                "--max-time",
                "30",
                "-x",
                proxyUrl,
                "-w",
                STATUS_MARK + "%{http_code}"));
    command.addAll(List.of(args));
    command.add(url);
    ProcessResult result = Processes.run(Path.of("."), Duration.ofSeconds(60), Map.of(), command);
    String output = result.output();
    int mark = output.lastIndexOf(STATUS_MARK);
    if (mark < 0) {
      throw new AssertionError(
          "curl printed no status (exit " + result.exitCode() + "): " + output);
    }
    return new Reply(
        Integer.parseInt(output.substring(mark + STATUS_MARK.length()).strip()),
        output.substring(0, mark));
  }
}
