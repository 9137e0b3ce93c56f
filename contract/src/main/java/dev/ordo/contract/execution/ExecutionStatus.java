package dev.ordo.contract.execution;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where an execution stands. {@link #apiName()} is the one spelling of each status in the read
 * models, the REST API and filters: {@code pending | running | completed | failed | cancelled | timeout}.
 */
public enum ExecutionStatus {
    /** No {@code ExecutionStarted} yet: accepted by the API, not yet known to the engine. */
    UNKNOWN("pending"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    /** The workflow's {@code timeout_seconds} ran out. */
    TIMED_OUT("timeout");

    private final String apiName;

    ExecutionStatus(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The current run has ended; a failed or timed-out execution may still be retried ({@link #isRetryable()}). */
    public boolean isTerminal() {
        return this != UNKNOWN && this != RUNNING;
    }

    /** A {@code RetryExecution} may run it again from its failed, timed-out and cancelled steps. */
    public boolean isRetryable() {
        return this == FAILED || this == TIMED_OUT;
    }

    /** The status spelled {@code name} in the API, if any. */
    public static Optional<ExecutionStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(status -> status.apiName.equals(name)).findFirst();
    }

    /** Every API spelling, in declaration order. */
    public static List<String> apiNames() {
        return Arrays.stream(values()).map(ExecutionStatus::apiName).toList();
    }
}
