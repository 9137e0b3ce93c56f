package dev.ordo.api.executions.stats;

import java.util.UUID;

/**
 * {@code GET /api/workflows/{workflow_id}/metrics}, over the executions the projection has seen.
 * {@code failed_executions} counts failed and timed-out ones; {@code success_rate} (0 to 100) is the
 * share of completed among finished executions, 0 when none has finished. Durations are in seconds,
 * over every finished execution (completion minus start); without any, total is 0 and the others null.
 */
public record WorkflowMetrics(
        UUID workflowId,
        long totalExecutions,
        long successfulExecutions,
        long failedExecutions,
        long cancelledExecutions,
        double successRate,
        double totalDurationSeconds,
        Double averageDurationSeconds,
        Double minDurationSeconds,
        Double maxDurationSeconds,
        Double p50DurationSeconds,
        Double p95DurationSeconds,
        Double p99DurationSeconds) {
}
