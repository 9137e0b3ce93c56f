package dev.ordo.api.executions.reads;

import dev.ordo.api.executions.reads.ExecutionProgress.StepProgress;
import dev.ordo.api.executions.reads.ExecutionRecords.AttemptRow;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.wire.RecordLimits;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/workflows/executions/{execution_id}/timeline}: every step of the pinned
 * definition, in {@code step_order} then name, also those never started, each with its attempts.
 * {@code failed_step_count} counts steps that failed or timed out.
 */
public record ExecutionTimeline(
        UUID executionId,
        UUID workflowId,
        String status,
        Instant startedAt,
        Instant completedAt,
        Double totalDurationSeconds,
        int stepCount,
        int completedStepCount,
        int failedStepCount,
        int skippedStepCount,
        String errorMessage,
        List<StepTimeline> stepTimeline) {

    public record StepTimeline(UUID stepId, String stepName, int stepOrder, String status, Instant startedAt,
                               Instant completedAt, Double durationSeconds, int retryCount, String errorMessage,
                               PayloadSummary inputSummary, PayloadSummary outputSummary, List<Attempt> attempts) {
    }

    /** One attempt handed to the workers; its duration runs from its start (or hand-out) to its end. */
    public record Attempt(int attempt, String status, Instant scheduledAt, Instant startedAt, Instant completedAt,
                          Double durationSeconds, Instant retryDueAt, String errorMessage, String workerId) {

        static Attempt of(AttemptRow row) {
            Instant from = row.startedAt() != null ? row.startedAt() : row.scheduledAt();
            return new Attempt(row.attempt(), row.status(), row.scheduledAt(), row.startedAt(), row.completedAt(),
                    ExecutionProgress.seconds(from, row.completedAt()), row.retryDueAt(), row.errorMessage(),
                    row.workerId());
        }
    }

    /** The shape of a step's input or output instead of the data: its first 20 keys and its encoded size. */
    public record PayloadSummary(List<String> keys, int keyCount, int sizeBytes) {

        static PayloadSummary of(Map<String, Object> data) {
            if (data == null) {
                return null;
            }
            return new PayloadSummary(data.keySet().stream().limit(20).toList(), data.size(),
                    RecordLimits.encodedSize(data));
        }
    }

    static ExecutionTimeline of(Execution execution, Map<String, List<AttemptRow>> attempts) {
        ExecutionHeader header = execution.header();
        ExecutionProgress progress = execution.progress();
        List<StepTimeline> steps = definitionSteps(header).stream()
                .map(spec -> step(header, execution.step(spec.name()).orElse(pending(spec)),
                        attempts.getOrDefault(spec.name(), List.of())))
                .toList();
        return new ExecutionTimeline(header.id(), header.workflowId(), progress.status(), progress.startedAt(),
                progress.completedAt(), progress.duration(), steps.size(), count(steps, StepStatus.COMPLETED),
                count(steps, StepStatus.FAILED) + count(steps, StepStatus.TIMED_OUT), count(steps, StepStatus.SKIPPED),
                progress.errorMessage(), steps);
    }

    private static List<StepSpec> definitionSteps(ExecutionHeader header) {
        return header.definition() == null ? List.of() : header.definition().steps().stream()
                .sorted(Comparator.comparingInt(StepSpec::stepOrder).thenComparing(StepSpec::name))
                .toList();
    }

    private static StepProgress pending(StepSpec spec) {
        return new StepProgress(spec.name(), spec.stepOrder(), StepStatus.PENDING.apiName(), 0, null, null, null, null,
                null);
    }

    private static StepTimeline step(ExecutionHeader header, StepProgress step, List<AttemptRow> attempts) {
        return new StepTimeline(header.stepId(step.name()), step.name(), step.stepOrder(), step.status(),
                step.startedAt(), step.completedAt(), step.duration(), step.retryCount(), step.error(),
                PayloadSummary.of(step.input()), PayloadSummary.of(step.output()),
                attempts.stream().map(Attempt::of).toList());
    }

    private static int count(List<StepTimeline> steps, StepStatus status) {
        return (int) steps.stream().filter(step -> step.status().equals(status.apiName())).count();
    }
}
