package dev.ordo.api.definitions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A workflow as the API shows it; steps in {@code step_order}, then name. */
public record WorkflowResponse(
        UUID id,
        UUID workspaceId,
        UUID projectId,
        String name,
        String description,
        int version,
        boolean isActive,
        Map<String, Object> config,
        int timeoutSeconds,
        int maxRetries,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt,
        List<StepView> steps,
        List<VariableView> variables) {

    public record StepView(UUID id, UUID workflowId, String name, String stepType, int stepOrder,
                           List<String> dependsOnSteps, Integer timeoutSeconds, Integer maxRetries,
                           String conditionExpression, Map<String, Object> config, Map<String, Object> metadata,
                           Instant createdAt, Instant updatedAt) {
    }

    public record VariableView(UUID id, UUID workflowId, String name, String dataType, boolean isRequired,
                               Object defaultValue, String description, Map<String, Object> metadata,
                               Instant createdAt, Instant updatedAt) {
    }

    static WorkflowResponse of(Workflow workflow, boolean includeSteps) {
        WorkflowDocument doc = workflow.document();
        List<StepView> steps = !includeSteps ? List.of() : doc.steps().stream()
                .sorted(java.util.Comparator.comparingInt(WorkflowDocument.Step::stepOrder)
                        .thenComparing(WorkflowDocument.Step::name))
                .map(s -> new StepView(s.id(), workflow.id(), s.name(), s.stepType(), s.stepOrder(),
                        s.dependsOnSteps(), s.timeoutSeconds(), s.maxRetries(), s.conditionExpression(), s.config(),
                        s.metadata(), s.createdAt(), s.updatedAt()))
                .toList();
        List<VariableView> variables = !includeSteps ? List.of() : doc.variables().stream()
                .map(v -> new VariableView(v.id(), workflow.id(), v.name(), v.dataType(), v.isRequired(),
                        v.defaultValue(), v.description(), v.metadata(), v.createdAt(), v.updatedAt()))
                .toList();
        return new WorkflowResponse(workflow.id(), workflow.workspaceId(), workflow.projectId(), workflow.name(),
                workflow.description(), workflow.version(), workflow.isActive(), doc.config(), doc.timeoutSeconds(),
                doc.maxRetries(), workflow.metadata(), workflow.createdAt(), workflow.updatedAt(), steps, variables);
    }
}
