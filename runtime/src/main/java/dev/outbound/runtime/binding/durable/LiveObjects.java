package dev.outbound.runtime.binding.durable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.outbound.binding.AlarmHandler;
import dev.outbound.binding.DurableObjectId;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.DurableObjectDefinition;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The activated objects of one namespace. A Caffeine cache bounded by the max open objects holds
 * the current activation of each id; what it evicts is closed on a virtual thread once its running
 * call returns. Nothing is kept for an id that is not open.
 */
final class LiveObjects<T> implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LiveObjects.class.getName());

  private final String namespace;
  private final Path directory;
  private final DurableObjectDefinition<T> definition;
  private final BindingResolver bindings;
  private final AlarmScheduler alarms;
  private final boolean handlesAlarms;
  private final OpenFiles files = new OpenFiles();
  private final Cache<DurableObjectId, ActiveObject<T>> current;
  private volatile boolean closed;

  LiveObjects(
      String namespace,
      Path directory,
      DurableObjectDefinition<T> definition,
      BindingResolver bindings,
      AlarmScheduler alarms,
      int maxOpenObjects) {
    this.namespace = namespace;
    this.directory = directory;
    this.definition = definition;
    this.bindings = bindings;
    this.alarms = alarms;
    this.handlesAlarms = AlarmHandler.class.isAssignableFrom(definition.objectClass());
    this.current = Caffeine.newBuilder()
        .maximumSize(maxOpenObjects)
        // Evict in the calling thread, so the bound holds when get returns; the listener only
        // starts a thread, as closing waits for the evicted object's running call.
        .executor(Runnable::run)
        .<DurableObjectId, ActiveObject<T>>removalListener(
            (id, object, cause) -> Thread.startVirtualThread(() -> retire(object)))
        .build();
  }

  /** Returns the current activation of {@code id}, activating it if needed. */
  ActiveObject<T> activate(DurableObjectId id) {
    while (true) {
      requireOpen();
      ActiveObject<T> object = current.get(id, key -> new ActiveObject<>(key, this));
      if (object.activate()) {
        return object;
      }
    }
  }

  /** Returns how many objects have their file open. */
  int openCount() {
    return files.count();
  }

  SqliteObjectStorage storageFor(ActiveObject<?> object) {
    ObjectAlarm alarm = new ObjectAlarm(object, alarms, handlesAlarms, definition.objectClass());
    return new SqliteObjectStorage(object, new SqliteSql(object), alarm);
  }

  Path fileOf(DurableObjectId id) {
    return directory.resolve(id + ".sqlite");
  }

  /** Makes {@code object} the one {@code get} returns, unless another activation already is. */
  boolean makeCurrent(ActiveObject<T> object) {
    ActiveObject<T> other = current.asMap().putIfAbsent(object.id(), object);
    return other == null || other == object;
  }

  boolean isCurrent(ActiveObject<T> object) {
    return current.policy().getIfPresentQuietly(object.id()) == object;
  }

  /** Stops handing out {@code object}, which failed to activate or is out of date. */
  void forget(ActiveObject<T> object) {
    current.asMap().remove(object.id(), object);
  }

  T construct(ActiveObject<T> object) {
    ObjectState state = new ObjectState(object.id(), object.storage());
    return Objects.requireNonNull(definition.activate(state, object, bindings),
        () -> definition.getClass().getName() + ".activate returned null");
  }

  void acquireFile(ActiveObject<T> object) {
    files.acquire(object.id(), object);
    releaseIfClosed(object);
  }

  boolean tryAcquireFile(ActiveObject<T> object) {
    if (!files.tryAcquire(object.id(), object)) {
      return false;
    }
    releaseIfClosed(object);
    return true;
  }

  void releaseFile(ActiveObject<T> object) {
    files.release(object.id(), object);
  }

  /** Closes every open object, each once its running call returns. */
  @Override
  public void close() {
    closed = true;
    current.invalidateAll();
    for (ActiveObject<?> object : files.holders()) {
      retire(object);
    }
  }

  /** Undoes an acquisition that raced with {@link #close}, which may have missed it. */
  private void releaseIfClosed(ActiveObject<T> object) {
    if (closed) {
      files.release(object.id(), object);
      requireOpen();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("durable object namespace " + namespace + " is closed");
    }
  }

  private static void retire(ActiveObject<?> object) {
    try {
      object.retire();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "closing durable object " + object.id() + " failed", e);
    }
  }
}
