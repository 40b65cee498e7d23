package dev.outbound.runtime.binding.embedded;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks that names hash onto, so that calls on one name run one at a time without
 * keeping a lock per name. {@link ReentrantLock} rather than {@code synchronized} because calls run
 * on virtual threads, which a monitor held across file I/O would pin.
 */
final class DirectoryBucketLocks {

  private final Lock[] stripes;

  DirectoryBucketLocks(int stripeCount) {
    stripes = new Lock[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Returns the lock that guards {@code name}; other names may share it. */
  Lock forName(String name) {
    return stripes[Math.floorMod(name.hashCode(), stripes.length)];
  }
}
