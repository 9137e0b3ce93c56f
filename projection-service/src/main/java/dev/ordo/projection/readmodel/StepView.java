package dev.ordo.projection.readmodel;

import dev.ordo.contract.execution.StepStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One row of {@code readmodel.step_executions}, as the fold works on it. Its status is the
 * {@link StepStatus#apiName()} of the engine's step status.
 */
final class StepView {

    /** Handed to a worker, or (a delay step) waiting on a timer: both read {@code running}. */
    static final Set<String> IN_FLIGHT = names(StepStatus.QUEUED, StepStatus.RUNNING, StepStatus.WAITING);
    static final Set<String> FINISHED = Arrays.stream(StepStatus.values()).filter(StepStatus::isFinished)
            .map(StepStatus::apiName).collect(Collectors.toUnmodifiableSet());

    final String name;
    final int order;
    final String type;
    String status = StepStatus.PENDING.apiName();
    int attempt;
    Map<String, Object> input;
    Map<String, Object> output;
    Instant startedAt;
    Instant completedAt;
    String error;
    String workerId;
    Instant updatedAt;
    Instant nextRetryAt;
    /** What the current attempt's handler last reported in a heartbeat, or null. */
    Map<String, Object> progress;
    /** Whether an event changed the row since it was read (new rows are changed): only those are written. */
    boolean changed;
    final TreeMap<Integer, AttemptView> attempts = new TreeMap<>();

    StepView(String name, int order, String type) {
        this.name = name;
        this.order = order;
        this.type = type;
    }

    int retryCount() {
        return Math.max(0, attempt - 1);
    }

    /** The current attempt's row, or null for a step no worker ran. */
    AttemptView currentAttempt() {
        return attempts.get(attempt);
    }

    /** Queued or running: handed to a worker, or (a delay step) waiting on a timer. */
    boolean isInFlight() {
        return IN_FLIGHT.contains(status);
    }

    boolean isFinished() {
        return FINISHED.contains(status);
    }

    private static Set<String> names(StepStatus... statuses) {
        return Arrays.stream(statuses).map(StepStatus::apiName).collect(Collectors.toUnmodifiableSet());
    }
}
