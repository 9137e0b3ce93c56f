package dev.ordo.engine;

import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.domain.execution.ExecutionState;
import java.util.UUID;

/**
 * A value of the {@value EngineTopology#TOMBSTONES_STORE} store, keyed by execution id: all the
 * engine keeps of an execution once its retention ended (or of a start it refused), so the id is
 * never run again. Read back as a finished state without its start, so the decider rejects a
 * redelivered start and every late report, and each rejection is recorded at the next sequence.
 *
 * @param lastSequence the sequence of the execution's last recorded event
 */
record Tombstone(ExecutionStatus status, long lastSequence) {

    static Tombstone of(ExecutionState state) {
        return new Tombstone(state.status(), state.version());
    }

    /** A finished state: {@code version} is the last sequence, there is no start and no step. */
    ExecutionState toState(UUID executionId) {
        return ExecutionState.finished(executionId, status, lastSequence);
    }

    /** Whether {@code state} is stored as a tombstone: finished, and without its start. */
    static boolean fits(ExecutionState state) {
        return state.status().isTerminal() && state.start() == null;
    }
}
