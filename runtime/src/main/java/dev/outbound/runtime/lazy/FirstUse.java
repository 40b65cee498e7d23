package dev.outbound.runtime.lazy;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A value made once, by the first caller that needs it, so that a server does not pay at start for
 * what it may never use (a TLS context, a SQLite file). Later callers read it without a lock. The
 * lock is a {@link ReentrantLock}, so a virtual thread waiting for the maker does not pin its
 * carrier.
 *
 * @param <T> the value
 */
public final class FirstUse<T> {

  /** Makes the value; may throw a checked exception, which {@link #get} passes on. */
  @FunctionalInterface
  public interface Maker<T, E extends Exception> {
    T make() throws E;
  }

  private final String what;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile T value;
  private boolean closed; // guarded by lock

  /**
   * @param what names the value in the error of a call after {@link #close}
   */
  public FirstUse(String what) {
    this.what = what;
  }

  /**
   * The value, made by {@code maker} if this is the first call. A maker that throws leaves nothing
   * made, so the next call tries again.
   *
   * @throws IllegalStateException after {@link #close}
   */
  public <E extends Exception> T get(Maker<T, E> maker) throws E {
    T made = value;
    if (made != null) {
      return made;
    }
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException(what + " is closed");
      }
      if (value == null) {
        value = maker.make();
      }
      return value;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the value's life: hands it to {@code close} if it was made; later calls to {@link #get}
   * that would make it fail.
   */
  public void close(Consumer<T> close) {
    lock.lock();
    try {
      closed = true;
      if (value != null) {
        close.accept(value);
      }
    } finally {
      lock.unlock();
    }
  }
}
