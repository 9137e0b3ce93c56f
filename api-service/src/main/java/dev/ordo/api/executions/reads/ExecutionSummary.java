package dev.ordo.api.executions.reads;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One item of {@code GET /api/workflows/{workflow_id}/executions}: the fields of
 * {@link ExecutionDetail} without the definition and the steps.
 */
public record ExecutionSummary(
        UUID id,
        UUID workflowId,
        Integer workflowVersion,
        UUID workspaceId,
        UUID projectId,
        Long executionNumber,
        String status,
        Map<String, Object> inputVariables,
        Map<String, Object> results,
        Instant startedAt,
        Instant completedAt,
        Double duration,
        String errorMessage,
        Map<String, Object> errorDetails,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {
}
