/** What every KV backend shares: the read cache bounded by {@code cacheTtl} and the list cursor. */
package dev.outbound.runtime.binding.kv;
