/**
 * The admin HTTP API (SPEC §4.8) on its own loopback listener, guarded by the bearer token in
 * {@code admin.token} of the data directory.
 */
package dev.outbound.runtime.admin;
