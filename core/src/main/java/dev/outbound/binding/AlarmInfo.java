package dev.outbound.binding;

/** Details of one alarm delivery: how many earlier deliveries of this alarm failed. */
public record AlarmInfo(int retryCount) {

  /**
   * Validates the count.
   *
   * @throws IllegalArgumentException if {@code retryCount} is negative
   */
  public AlarmInfo {
    if (retryCount < 0) {
      throw new IllegalArgumentException("retry count must not be negative, got " + retryCount);
    }
  }

  /** Returns whether this delivery retries one that failed. */
  public boolean isRetry() {
    return retryCount > 0;
  }
}
