/** Time limits enforced for many operations at once by one thread. */
package dev.outbound.runtime.watchdog;
