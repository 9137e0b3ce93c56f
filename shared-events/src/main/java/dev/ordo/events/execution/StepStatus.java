package dev.ordo.events.execution;

/** Where one step stands in the engine. */
public enum StepStatus {
    PENDING,
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    SKIPPED,
    CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == SKIPPED || this == CANCELLED;
    }

    /** Handed to a worker, and so open to that attempt's reports. */
    public boolean isInFlight() {
        return this == QUEUED || this == RUNNING;
    }
}
