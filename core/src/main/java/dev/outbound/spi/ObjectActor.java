package dev.outbound.spi;

import java.util.concurrent.Callable;

/**
 * Runs calls into one durable object one at a time (actor semantics). Generated stubs route every
 * public method through it.
 */
public interface ObjectActor {

  /** Runs the call while no other call into the same object runs; rethrows what it throws. */
  <R> R call(Callable<R> call);

  /** As {@link #call} for methods without a result. */
  default void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }
}
