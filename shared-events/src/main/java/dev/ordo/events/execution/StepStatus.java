package dev.ordo.events.execution;

/** Where one step stands in the engine. */
public enum StepStatus {
    PENDING,
    /** An attempt was handed to the workers. */
    QUEUED,
    /** A worker reported it started the current attempt. */
    RUNNING,
    /** The current attempt failed or timed out; the next waits for its backoff. */
    RETRYING,
    /** A {@code delay} step waiting for its timer. */
    WAITING,
    COMPLETED,
    FAILED,
    SKIPPED,
    CANCELLED,
    /** The last attempt timed out and no retry is left (or the execution timed out while it ran). */
    TIMED_OUT;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == SKIPPED || this == CANCELLED || this == TIMED_OUT;
    }

    /** Handed to a worker, and so open to that attempt's reports. */
    public boolean isInFlight() {
        return this == QUEUED || this == RUNNING;
    }

    /** Something is still to come for this step without any further readiness. */
    public boolean isActive() {
        return isInFlight() || this == RETRYING || this == WAITING;
    }

    /** Finished without success: the step counts as failed for the execution. */
    public boolean isFailure() {
        return this == FAILED || this == TIMED_OUT;
    }
}
