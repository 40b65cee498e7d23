package com.example;

import java.util.ArrayList;
import java.util.List;

/** A superclass of a durable object: its public methods run through the object's actor too. */
abstract class Ledger<E> {

    private final List<E> entries = new ArrayList<>();

    public List<E> entries() {
        return List.copyOf(entries);
    }

    protected void record(E entry) {
        entries.add(entry);
    }
}
