package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.AlarmInfo;
import dev.outbound.binding.DurableObjectId;
import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.DurableObjectDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The embedded durable object namespace: one SQLite file per object, {@code
 * <directory>/<id>.sqlite}, and the pending alarms of all of them in {@code
 * <directory>/_alarms.sqlite}.
 *
 * <p>{@link #get} returns the object itself: the generated stub, a subclass whose public methods
 * run one at a time through its {@link dev.outbound.spi.ObjectActor}. At most {@link
 * DurableObjectSettings#maxOpenObjects} objects are open at once; an object the cache evicts is
 * closed after its running call, and the next {@code get} activates it again, running its
 * constructor over the state it left on disk. A stub held across an eviction keeps working while no
 * other activation of its object has happened since; otherwise its calls throw {@link
 * IllegalStateException}: call {@code get} per use rather than keeping stubs.
 */
public final class SqliteDurableObjectNamespace<T>
    implements DurableObjectNamespace<T>, AutoCloseable {

  private final DurableObjectIds ids;
  private final AlarmIndex alarmIndex;
  private final AlarmScheduler alarms;
  private final LiveObjects<T> objects;

  /**
   * Opens the namespace {@code name} stored in {@code directory}, creating the directory if needed,
   * and starts delivering its pending alarms, including those from earlier runs.
   *
   * @param name the namespace's name, part of every id {@link #idFromName} derives
   * @param directory where its files are, by convention {@link #directoryUnder}
   * @param definition how to activate its objects
   * @param bindings the other bindings its objects' constructors take
   * @param clock the time alarms are compared with
   * @param settings how many objects stay open and how alarms are retried
   * @throws UncheckedIOException if the directory cannot be created (the alarm index is opened by
   *     the thread that delivers alarms, which logs and retries while it cannot be)
   */
  public SqliteDurableObjectNamespace(
      String name,
      Path directory,
      DurableObjectDefinition<T> definition,
      BindingResolver bindings,
      Clock clock,
      DurableObjectSettings settings) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a durable object namespace needs a name");
    }
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(bindings, "bindings");
    Objects.requireNonNull(clock, "clock");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.ids = new DurableObjectIds(name);
    this.alarmIndex = AlarmIndex.open(directory);
    this.alarms =
        new AlarmScheduler(alarmIndex, clock, settings.alarmBackoff(), this::deliverAlarm);
    this.objects =
        new LiveObjects<>(name, directory, definition, bindings, alarms, settings.maxOpenObjects());
    alarms.start();
  }

  /** Returns {@code <dataDir>/durable-objects/<name>}, where namespace {@code name} lives. */
  public static Path directoryUnder(Path dataDir, String name) {
    return dataDir.resolve("durable-objects").resolve(name);
  }

  @Override
  public DurableObjectId idFromName(String name) {
    return ids.fromName(Objects.requireNonNull(name, "name"));
  }

  @Override
  public DurableObjectId idFromString(String hex) {
    return DurableObjectId.parse(Objects.requireNonNull(hex, "hex"));
  }

  @Override
  public DurableObjectId newUniqueId() {
    return ids.unique();
  }

  /**
   * Returns the object {@code id}, activating it if it is not open: its constructor runs then,
   * under the object's lock.
   *
   * @throws IllegalStateException if the namespace is closed
   */
  @Override
  public T get(DurableObjectId id) {
    return objects.activate(Objects.requireNonNull(id, "id")).stub();
  }

  /** Returns how many objects are open now: activated, with their file open. */
  int openObjectCount() {
    return objects.openCount();
  }

  /**
   * Stops delivering alarms (waiting for deliveries under way), then closes every object once its
   * running call returns. Alarms still pending are delivered after the next start.
   */
  @Override
  public void close() {
    try {
      alarms.close();
      objects.close();
    } finally {
      alarmIndex.close();
    }
  }

  private void deliverAlarm(DurableObjectId id, AlarmInfo info, Instant now) {
    ActiveObject<T> object = objects.activate(id);
    object.run(() -> object.storage().alarm().deliverIfDue(object.stub(), info, now));
  }
}
