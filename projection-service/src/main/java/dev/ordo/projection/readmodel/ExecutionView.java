package dev.ordo.projection.readmodel;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.wire.EventEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code readmodel.executions} with its steps, as the fold works on it. Its status is the
 * {@link ExecutionStatus#apiName()} of the engine's execution status. A refused start
 * ({@code ExecutionRejected}) has no definition, inputs or steps, and no workflow when the engine
 * could not read its command.
 */
final class ExecutionView {

    final UUID id;
    UUID workflowId;
    Integer workflowVersion;
    UUID workspaceId;
    UUID projectId;
    String status;
    Map<String, Object> results;
    /** Set by the fold from the first event only, and never read back from the rows, which keep theirs. */
    Map<String, Object> inputs;
    WorkflowSnapshot definition;
    /** Whether the view was read from its rows (then only what events change is written back). */
    boolean stored;
    Instant startedAt;
    Instant completedAt;
    String errorMessage;
    Map<String, Object> errorDetails;
    long lastSequence;
    Instant createdAt;
    Instant updatedAt;
    final Map<String, StepView> steps = new LinkedHashMap<>();
    /** The events folded into this view since it was read from its rows, in order: its new history rows. */
    final List<EventEnvelope> foldedEvents = new ArrayList<>();

    ExecutionView(UUID id) {
        this.id = id;
    }

    /** How many steps read as {@code stepStatus} (a waiting delay step counts as running). */
    int count(StepStatus stepStatus) {
        return (int) steps.values().stream().filter(step -> step.status.equals(stepStatus.apiName())).count();
    }
}
