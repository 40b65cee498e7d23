package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectId;
import dev.outbound.binding.DurableObjectState;
import dev.outbound.binding.DurableObjectStorage;

/** What an object's constructor receives: its id and its storage. */
record ObjectState(DurableObjectId id, DurableObjectStorage storage)
    implements DurableObjectState {}
