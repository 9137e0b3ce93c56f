package dev.ordo.api.executions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/workflows/executions/{id}/status}: a light snapshot with progress counts. */
public record ExecutionStatusView(
        UUID executionId,
        UUID workflowId,
        String status,
        Instant startedAt,
        Instant completedAt,
        Double duration,
        String errorMessage,
        Map<String, Object> results,
        int totalSteps,
        int completedSteps,
        int failedSteps,
        int skippedSteps,
        int runningSteps) {
}
