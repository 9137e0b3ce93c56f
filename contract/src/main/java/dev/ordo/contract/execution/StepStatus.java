package dev.ordo.contract.execution;

/**
 * Where one step stands. {@link #apiName()} is the one spelling of each status in the read models
 * and the REST API: {@code pending | queued | running | retrying | completed | failed | skipped |
 * cancelled | timeout}; a waiting {@code delay} step reads as {@code running}.
 */
public enum StepStatus {
    PENDING("pending"),
    /** An attempt was handed to the workers. */
    QUEUED("queued"),
    /** A worker reported it started the current attempt. */
    RUNNING("running"),
    /** The current attempt failed or timed out; the next waits for its backoff. */
    RETRYING("retrying"),
    /** A {@code delay} step waiting for its timer. */
    WAITING("running"),
    COMPLETED("completed"),
    FAILED("failed"),
    SKIPPED("skipped"),
    CANCELLED("cancelled"),
    /** The last attempt timed out and no retry is left (or the execution timed out while it ran). */
    TIMED_OUT("timeout");

    private final String apiName;

    StepStatus(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

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
