package dev.ordo.projection.readmodel;

import java.time.Instant;
import java.util.Map;

/** One row of {@code readmodel.step_executions}, as the fold works on it. */
final class StepView {

    final String name;
    final int order;
    final String type;
    String status = "pending";
    int attempt;
    Map<String, Object> input;
    Map<String, Object> output;
    Instant startedAt;
    Instant completedAt;
    String error;
    String workerId;
    Instant updatedAt;
    Instant nextRetryAt;
    final java.util.TreeMap<Integer, AttemptView> attempts = new java.util.TreeMap<>();

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
        return "queued".equals(status) || "running".equals(status);
    }

    boolean isFinished() {
        return switch (status) {
            case "completed", "failed", "skipped", "cancelled", "timeout" -> true;
            default -> false;
        };
    }
}
