package dev.ordo.engine;

import dev.ordo.domain.execution.ExecutionState;
import java.util.Optional;

/** A decision made ready to write: its records for the topics and its store writes, all measured. */
record Prepared(Decided decided, Outbox outbox, StoreWrites writes) {

    static Prepared of(ExecutionStore store, ExecutionStore.Loaded before, Decided decided) {
        return new Prepared(decided, Outbox.of(decided), store.plan(before, decided.after()));
    }

    ExecutionState after() {
        return decided.after();
    }

    /** Why this cannot be written: a record in it is too large for Kafka. */
    Optional<String> oversized() {
        return outbox.oversized().or(writes::oversized);
    }
}
