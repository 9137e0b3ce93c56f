package dev.ordo.events.execution;

/** Where an execution stands in the engine. */
public enum ExecutionStatus {
    /** No {@code ExecutionStarted} yet: the engine knows nothing of this id. */
    UNKNOWN,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
