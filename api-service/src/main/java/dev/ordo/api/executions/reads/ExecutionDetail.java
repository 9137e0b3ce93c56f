package dev.ordo.api.executions.reads;

import dev.ordo.api.executions.reads.ExecutionProgress.StepProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/workflows/executions/{execution_id}}, and the same shape for the state after an
 * event ({@code /state?at_sequence=N}): the execution, its pinned definition and one record per step.
 */
public record ExecutionDetail(
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
        Instant updatedAt,
        PinnedDefinition definition,
        List<StepExecution> stepExecutions) {

    /**
     * One step of the execution.
     *
     * @param retryCount attempts after the first (they go on counting across retries)
     * @param errorDetails {@code {"attempt": n}} of the attempt that failed, null without an error
     */
    public record StepExecution(UUID id, UUID executionId, UUID stepId, String stepName, String status,
                                Map<String, Object> inputData, Map<String, Object> outputData, Instant startedAt,
                                Instant completedAt, Double duration, int retryCount, String errorMessage,
                                Map<String, Object> errorDetails) {

        static StepExecution of(ExecutionHeader header, StepProgress step) {
            return new StepExecution(header.stepExecutionId(step.name()), header.id(), header.stepId(step.name()),
                    step.name(), step.status(), step.input(), step.output(), step.startedAt(), step.completedAt(),
                    step.duration(), step.retryCount(), step.error(),
                    step.error() == null ? null : Map.of("attempt", step.attempt()));
        }
    }

    public static ExecutionDetail of(ExecutionHeader header, ExecutionProgress progress) {
        return new ExecutionDetail(header.id(), header.workflowId(), header.workflowVersion(), header.workspaceId(),
                header.projectId(), header.executionNumber(), progress.status(), header.inputVariables(),
                progress.results(), progress.startedAt(), progress.completedAt(), progress.duration(),
                progress.errorMessage(), progress.errorDetails(), header.metadata(), header.createdAt(),
                progress.updatedAt(), PinnedDefinition.of(header),
                progress.steps().stream().map(step -> StepExecution.of(header, step)).toList());
    }
}
