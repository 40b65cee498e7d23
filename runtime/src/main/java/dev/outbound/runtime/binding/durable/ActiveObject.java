package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectId;
import dev.outbound.spi.ObjectActor;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One activation of a durable object: the instance its stub is, the lock its calls take, and its
 * open file.
 *
 * <p>The lock is fair, so calls run in arrival order, and reentrant, so a method may call another
 * public method of its own object, and storage calls made from a method (which take the lock too)
 * proceed. Closing takes the lock, so a file is never closed under a running call.
 *
 * <p>When the cache evicts an activation, its file is closed and a later {@code get} activates a
 * new instance. A caller may still hold the old stub: its next call reopens the file and makes it
 * current again if no other activation has happened since (the activation count in the file tells),
 * and fails with {@link IllegalStateException} otherwise, as its fields would be out of date.
 */
final class ActiveObject<T> implements ObjectActor {

  private final DurableObjectId id;
  private final LiveObjects<T> objects;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final SqliteObjectStorage storage;

  // Guarded by lock.
  private ObjectDatabase database; // null while closed
  private T stub; // null until constructed
  private long activation;

  ActiveObject(DurableObjectId id, LiveObjects<T> objects) {
    this.id = id;
    this.objects = objects;
    this.storage = objects.storageFor(this);
  }

  DurableObjectId id() {
    return id;
  }

  SqliteObjectStorage storage() {
    return storage;
  }

  /** Returns the constructed stub; call only after {@link #activate} returned true. */
  T stub() {
    return stub;
  }

  @Override
  public <R> R call(Callable<R> call) {
    lock.lock();
    try {
      if (database == null) {
        reopen();
      }
      return call.call();
    } catch (Exception e) {
      throw Rethrow.unchecked(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Opens the file and constructs the stub, unless done already. Returns false, doing nothing, if
   * another activation of the id has become current since this one was handed out.
   */
  boolean activate() {
    lock.lock();
    try {
      if (stub != null) {
        if (database == null) {
          reopen();
        }
        return true;
      }
      if (database != null) {
        throw new IllegalStateException(
            "durable object " + id + " asked for its own stub while being constructed");
      }
      if (!objects.makeCurrent(this)) {
        return false;
      }
      try {
        open();
        activation = database.recordActivation();
        stub = objects.construct(this);
        return true;
      } catch (RuntimeException | Error e) {
        if (database != null) {
          close();
        }
        objects.forget(this);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Closes the file once the running call, if any, returns; unless this is current again. */
  void retire() {
    lock.lock();
    try {
      if (database != null && !objects.isCurrent(this)) {
        close();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns the open file; only under the lock, inside {@link #call}. */
  ObjectDatabase database() {
    return database;
  }

  /** Reopens an evicted activation, unless a newer one has run or is current. */
  private void reopen() {
    if (stub == null) {
      throw new IllegalStateException("durable object " + id + " failed to activate");
    }
    // Whoever else holds the file is newer: an older activation could not have reopened.
    if (!objects.tryAcquireFile(this)) {
      throw stale();
    }
    openAcquired();
    // Checked with the file held, so no activation can start in between.
    if (database.activation() != activation || !objects.makeCurrent(this)) {
      close();
      throw stale();
    }
  }

  private void open() {
    objects.acquireFile(this);
    openAcquired();
  }

  private void openAcquired() {
    try {
      database = ObjectDatabase.open(objects.fileOf(id));
    } catch (RuntimeException e) {
      objects.releaseFile(this);
      throw e;
    }
  }

  private void close() {
    try {
      database.close();
    } finally {
      database = null;
      objects.releaseFile(this);
    }
  }

  private IllegalStateException stale() {
    return new IllegalStateException("this stub of durable object " + id
        + " was evicted and the object activated again; call get(id) for the current stub");
  }
}
