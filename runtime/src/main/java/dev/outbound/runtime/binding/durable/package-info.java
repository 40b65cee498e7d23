/**
 * The embedded durable object backend: {@link
 * dev.outbound.runtime.binding.durable.SqliteDurableObjectNamespace}.
 *
 * <p>Files, under {@code <dataDir>/durable-objects/<namespace>/}: {@code <id>.sqlite} per object
 * (WAL, {@code synchronous=FULL}), holding the user's tables and the runtime's own, whose names
 * start with {@code _outbound_} and which user SQL may not name; and {@code _alarms.sqlite}, the
 * index of pending alarms that a restart reads instead of every object's file.
 *
 * <p>Concurrency: each activation has a fair reentrant lock that every stub method and every
 * storage call takes, so an object runs one call at a time; no {@code synchronized}, as objects run
 * on virtual threads. {@code OpenFiles} lets one activation per object hold its file, so an
 * evicted activation finishes its call before a new one starts.
 */
package dev.outbound.runtime.binding.durable;
