package dev.ordo.api.executions.reads;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where an execution stands: as the read model has it now, or as it stood after some event (time
 * travel). Statuses are {@code ExecutionStatus.apiName()} and {@code StepStatus.apiName()}.
 *
 * @param steps one per step of the pinned definition, in {@code step_order}, then name
 */
public record ExecutionProgress(
        String status,
        Map<String, Object> results,
        Instant startedAt,
        Instant completedAt,
        String errorMessage,
        Map<String, Object> errorDetails,
        Instant updatedAt,
        List<StepProgress> steps) {

    /**
     * One step.
     *
     * @param attempt the current (or last) attempt, 0 before the first
     * @param input the input of the current attempt, or null before one was scheduled
     */
    public record StepProgress(String name, int stepOrder, String status, int attempt, Map<String, Object> input,
                               Map<String, Object> output, Instant startedAt, Instant completedAt, String error) {

        /** Attempts after the first; they go on counting across retries of the execution. */
        public int retryCount() {
            return Math.max(0, attempt - 1);
        }

        public Double duration() {
            return seconds(startedAt, completedAt);
        }
    }

    public Double duration() {
        return seconds(startedAt, completedAt);
    }

    static Double seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toNanos() / 1e9;
    }
}
