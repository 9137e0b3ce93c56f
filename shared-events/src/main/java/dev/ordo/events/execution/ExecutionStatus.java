package dev.ordo.events.execution;

/** Where an execution stands in the engine. */
public enum ExecutionStatus {
    /** No {@code ExecutionStarted} yet: the engine knows nothing of this id. */
    UNKNOWN,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED,
    /** The workflow's {@code timeout_seconds} ran out; shown as {@code timeout}. */
    TIMED_OUT;

    public boolean isTerminal() {
        return this != UNKNOWN && this != RUNNING;
    }
}
