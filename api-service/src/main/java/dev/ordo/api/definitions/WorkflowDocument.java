package dev.ordo.api.definitions;

import dev.ordo.events.definition.StepSpec;
import dev.ordo.events.definition.WorkflowSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One stored version of a workflow's executable definition: everything a change to which makes a
 * new version. Kept as JSON in {@code api.workflow_versions.document}.
 */
public record WorkflowDocument(
        Map<String, Object> config,
        int timeoutSeconds,
        int maxRetries,
        Map<String, Object> metadata,
        List<Step> steps,
        List<Variable> variables) {

    public record Step(
            UUID id,
            String name,
            String stepType,
            int stepOrder,
            List<String> dependsOnSteps,
            Integer timeoutSeconds,
            Integer maxRetries,
            String conditionExpression,
            Map<String, Object> config,
            Map<String, Object> metadata,
            Instant createdAt,
            Instant updatedAt) {
    }

    public record Variable(
            UUID id,
            String name,
            String dataType,
            boolean isRequired,
            Object defaultValue,
            String description,
            Map<String, Object> metadata,
            Instant createdAt,
            Instant updatedAt) {
    }

    /** The definition as the engine runs it. */
    public WorkflowSnapshot snapshot() {
        List<StepSpec> specs = steps.stream()
                .map(step -> new StepSpec(step.name(), step.stepType(), step.stepOrder(), step.dependsOnSteps(),
                        step.timeoutSeconds(), step.maxRetries(), step.conditionExpression(), step.config()))
                .toList();
        return new WorkflowSnapshot(timeoutSeconds, maxRetries, config, specs);
    }
}
