package dev.ordo.projection.readmodel;

import dev.ordo.contract.definition.WorkflowSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One row of {@code readmodel.executions} with its steps, as the fold works on it. */
final class ExecutionView {

    final UUID id;
    UUID workflowId;
    int workflowVersion;
    UUID workspaceId;
    UUID projectId;
    String status;
    Map<String, Object> inputs;
    Map<String, Object> results;
    WorkflowSnapshot definition;
    Instant startedAt;
    Instant completedAt;
    String errorMessage;
    Map<String, Object> errorDetails;
    long lastSequence;
    Instant createdAt;
    Instant updatedAt;
    final Map<String, StepView> steps = new LinkedHashMap<>();

    ExecutionView(UUID id) {
        this.id = id;
    }

    int count(String stepStatus) {
        return (int) steps.values().stream().filter(step -> step.status.equals(stepStatus)).count();
    }
}
