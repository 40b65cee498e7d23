package dev.outbound.runtime.proxy;

import dev.outbound.OutboundResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs handler calls on their own virtual threads under a time limit, so that a handler that hangs
 * costs its own request a {@code 504} and nothing else.
 */
final class HandlerRunner implements AutoCloseable {

  private final ExecutorService threads =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("outbound-handler-", 0).factory());
  private final Duration timeLimit;

  HandlerRunner(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  Duration timeLimit() {
    return timeLimit;
  }

  /**
   * The handler's response.
   *
   * @throws TimeoutException when it ran past the limit (it is interrupted)
   * @throws ExecutionException with whatever the handler threw
   */
  OutboundResponse run(Callable<OutboundResponse> call)
      throws TimeoutException, ExecutionException, InterruptedException {
    Future<OutboundResponse> result = threads.submit(call);
    try {
      return result.get(timeLimit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      result.cancel(true);
      throw e;
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
