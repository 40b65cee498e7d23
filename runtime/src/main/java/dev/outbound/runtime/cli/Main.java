package dev.outbound.runtime.cli;

import io.helidon.config.Config;
import io.helidon.service.registry.Services;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The server jar's entry point: {@code serve}, {@code containers} and {@code run}. */
public final class Main {

  static final String USAGE =
      "usage: outbound "
          + ServeCommand.USAGE
          + "\n"
          + "       outbound "
          + ContainersCommand.USAGE
          + "\n"
          + "       outbound "
          + RunCommand.USAGE;

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("serve")) {
      // The server configures Helidon in code. Left alone, Helidon's components would build its
      // global config from the class path and the environment at start, to find no settings.
      Services.set(Config.class, Config.empty());
    }
    int code = run(Arrays.asList(args), System.out, System.err);
    // serve returns only once its shutdown hook ran, when System.exit would block forever
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
    try {
      if (args.isEmpty()) {
        throw new UsageException("no command given");
      }
      List<String> rest = args.subList(1, args.size());
      return switch (args.get(0)) {
        case "serve" -> ServeCommand.run(rest, out, err);
        case "containers" -> ContainersCommand.run(rest, out, err);
        case "run" -> RunCommand.run(rest, err);
        default -> throw new UsageException("unknown command " + args.get(0));
      };
    } catch (UsageException e) {
      err.println("outbound: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (IOException e) {
      err.println("outbound: " + e.getMessage());
      return 1;
    }
  }
}
