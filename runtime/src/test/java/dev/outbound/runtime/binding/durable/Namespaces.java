package dev.outbound.runtime.binding.durable;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Opens namespaces of the test objects over real files. */
final class Namespaces {

  /** Retries fast enough for a test: 100 ms, 200 ms, 400 ms, then dropped. */
  static final AlarmBackoff FAST_BACKOFF =
      new AlarmBackoff(Duration.ofMillis(100), Duration.ofMillis(400), 3);

  private Namespaces() {}

  static SqliteDurableObjectNamespace<Scratch> scratch(Path directory) {
    return new SqliteDurableObjectNamespace<>(
        "scratch",
        directory,
        new Scratch_DurableObject(),
        new TestBindings(Map.of()),
        Clock.systemUTC(),
        DurableObjectSettings.DEFAULT);
  }

  static SqliteDurableObjectNamespace<Counter> counters(
      Path directory, ActivationLog activations, int maxOpenObjects) {
    return new SqliteDurableObjectNamespace<>(
        "counters",
        directory,
        new Counter_DurableObject(),
        TestBindings.of("activations", activations),
        Clock.systemUTC(),
        new DurableObjectSettings(maxOpenObjects, AlarmBackoff.DEFAULT));
  }

  static SqliteDurableObjectNamespace<Reminder> reminders(Path directory, AlarmLog log) {
    return new SqliteDurableObjectNamespace<>(
        "reminders",
        directory,
        new Reminder_DurableObject(),
        TestBindings.of("alarms", log),
        Clock.systemUTC(),
        new DurableObjectSettings(100, FAST_BACKOFF));
  }
}
