package dev.ordo.api.executions.reads;

import dev.ordo.api.definitions.Workflow;
import dev.ordo.api.definitions.WorkflowDocument;
import dev.ordo.api.definitions.WorkflowRepository;
import dev.ordo.api.executions.reads.ExecutionProgress.StepProgress;
import dev.ordo.api.executions.reads.ExecutionRecords.ProjectedRow;
import dev.ordo.api.executions.reads.ExecutionRecords.SubmissionRow;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Finds an execution in a workspace, whether or not the projection has seen it yet.
 *
 * <p>Visibility: an execution belongs to the workspace its read-model row names, or, when the row
 * names none (a start the engine could not read) or there is no row yet, to the workspace of its
 * submission. Anything else is absent, exactly like an unknown id.
 *
 * <p>An execution accepted but not yet projected reads {@code pending}, with its pinned definition
 * from the workflow version it was submitted with and every step pending.
 */
@Service
public class ExecutionLookup {

    private final ExecutionRecords records;
    private final WorkflowRepository workflows;
    private final PinnedStepIds stepIds;

    ExecutionLookup(ExecutionRecords records, WorkflowRepository workflows, PinnedStepIds stepIds) {
        this.records = records;
        this.workflows = workflows;
        this.stepIds = stepIds;
    }

    /** The execution with its steps as the read model has them now. */
    public Optional<Execution> find(UUID workspaceId, UUID executionId) {
        ExecutionRecords.Rows rows = records.rows(executionId);
        Optional<SubmissionRow> submission = rows.submission();
        Optional<ProjectedRow> projected = rows.projected();
        if (!visible(workspaceId, submission, projected)) {
            return Optional.empty();
        }
        ExecutionHeader header = header(executionId, submission, projected);
        ExecutionProgress progress = projected.map(row -> progress(row, records.steps(executionId)))
                .orElseGet(() -> pending(header, submission.orElseThrow()));
        return Optional.of(new Execution(header, progress, projected.isPresent()));
    }

    /** What the execution is, without reading its steps. */
    public Optional<ExecutionHeader> header(UUID workspaceId, UUID executionId) {
        ExecutionRecords.Rows rows = records.rows(executionId);
        Optional<SubmissionRow> submission = rows.submission();
        Optional<ProjectedRow> projected = rows.projected();
        return visible(workspaceId, submission, projected)
                ? Optional.of(header(executionId, submission, projected)) : Optional.empty();
    }

    /** The rows of every attempt of the execution's worker steps, by step name, in attempt order. */
    Map<String, List<ExecutionRecords.AttemptRow>> attempts(UUID executionId) {
        Map<String, List<ExecutionRecords.AttemptRow>> byStep = new LinkedHashMap<>();
        records.attempts(executionId).forEach(attempt ->
                byStep.computeIfAbsent(attempt.stepName(), name -> new ArrayList<>()).add(attempt));
        return byStep;
    }

    private static boolean visible(UUID workspaceId, Optional<SubmissionRow> submission,
                                   Optional<ProjectedRow> projected) {
        UUID owner = projected.map(ProjectedRow::workspaceId)
                .or(() -> submission.map(SubmissionRow::workspaceId))
                .orElse(null);
        return workspaceId.equals(owner);
    }

    /** What the projection folded wins; the submission fills in what it lacks (and all before it exists). */
    private ExecutionHeader header(UUID executionId, Optional<SubmissionRow> submission,
                                   Optional<ProjectedRow> projected) {
        SubmissionRow sub = submission.orElse(null);
        ProjectedRow row = projected.orElse(null);
        UUID workflowId = either(row, ProjectedRow::workflowId, sub, SubmissionRow::workflowId);
        Integer version = either(row, ProjectedRow::workflowVersion, sub, SubmissionRow::workflowVersion);
        UUID workspaceId = either(row, ProjectedRow::workspaceId, sub, SubmissionRow::workspaceId);
        boolean pinned = workflowId != null && version != null;
        WorkflowSnapshot definition = row != null ? row.definition() : !pinned ? null
                : workflows.findVersion(workspaceId, workflowId, version).map(Workflow::document)
                        .map(WorkflowDocument::snapshot).orElse(null);
        return new ExecutionHeader(executionId, workflowId, version, workspaceId,
                either(row, ProjectedRow::projectId, sub, SubmissionRow::projectId),
                sub == null ? null : sub.executionNumber(), sub == null ? null : sub.rerunOf(),
                either(row, ProjectedRow::inputVariables, sub, SubmissionRow::inputVariables),
                sub != null ? sub.submittedAt() : row.createdAt(), definition,
                pinned ? stepIds.of(workspaceId, workflowId, version) : Map.of());
    }

    private static <T> T either(ProjectedRow row, Function<ProjectedRow, T> projected, SubmissionRow sub,
                                Function<SubmissionRow, T> submitted) {
        T value = row == null ? null : projected.apply(row);
        return value != null || sub == null ? value : submitted.apply(sub);
    }

    private static ExecutionProgress progress(ProjectedRow row, List<StepProgress> steps) {
        return new ExecutionProgress(row.status(), row.results(), row.startedAt(), row.completedAt(),
                row.errorMessage(), row.errorDetails(), row.updatedAt(), steps);
    }

    private static ExecutionProgress pending(ExecutionHeader header, SubmissionRow submission) {
        List<StepProgress> steps = header.definition() == null ? List.of() : header.definition().steps().stream()
                .sorted(Comparator.comparingInt(StepSpec::stepOrder).thenComparing(StepSpec::name))
                .map(step -> new StepProgress(step.name(), step.stepOrder(), StepStatus.PENDING.apiName(), 0, null,
                        null, null, null, null))
                .toList();
        return new ExecutionProgress(ExecutionStatus.UNKNOWN.apiName(), null, null, null, null, null,
                submission.submittedAt(), steps);
    }

}
