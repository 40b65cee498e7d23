/** Things the server makes at their first use rather than at start. */
package dev.outbound.runtime.lazy;
