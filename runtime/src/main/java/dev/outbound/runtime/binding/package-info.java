/**
 * Configured bindings: the table of binding types {@code outbound.bindings.<NAME>.type} may name,
 * the instances made from it at start, and the check of what each container class needs.
 */
package dev.outbound.runtime.binding;
