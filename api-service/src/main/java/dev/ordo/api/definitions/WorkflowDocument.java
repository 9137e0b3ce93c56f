package dev.ordo.api.definitions;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored version of a workflow's executable definition: everything a change to which makes a
 * new version (config, timeouts, retries, steps, variables). Kept as JSON in
 * {@code api.workflow_versions.document}; never changed once stored.
 */
public record WorkflowDocument(
        Map<String, Object> config,
        int timeoutSeconds,
        int maxRetries,
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

        /** Same definition, ids and timestamps aside. */
        boolean definesSameAs(Step other) {
            return name.equals(other.name) && stepType.equals(other.stepType) && stepOrder == other.stepOrder
                    && dependsOnSteps.equals(other.dependsOnSteps) && Objects.equals(timeoutSeconds, other.timeoutSeconds)
                    && Objects.equals(maxRetries, other.maxRetries)
                    && Objects.equals(conditionExpression, other.conditionExpression)
                    && config.equals(other.config) && metadata.equals(other.metadata);
        }
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

        /** Same declaration, ids and timestamps aside. */
        boolean declaresSameAs(Variable other) {
            return name.equals(other.name) && dataType.equals(other.dataType) && isRequired == other.isRequired
                    && Objects.equals(defaultValue, other.defaultValue) && Objects.equals(description, other.description)
                    && metadata.equals(other.metadata);
        }
    }

    /** The definition as the engine runs it. */
    public WorkflowSnapshot snapshot() {
        List<StepSpec> specs = steps.stream()
                .map(step -> new StepSpec(step.name(), step.stepType(), step.stepOrder(), step.dependsOnSteps(),
                        step.timeoutSeconds(), step.maxRetries(), step.conditionExpression(), step.config()))
                .toList();
        return new WorkflowSnapshot(timeoutSeconds, maxRetries, config, specs);
    }

    /** True when both run the same way: a revision that changes nothing here needs no new version. */
    boolean runsLike(WorkflowDocument other) {
        return config.equals(other.config) && timeoutSeconds == other.timeoutSeconds && maxRetries == other.maxRetries
                && pairwise(steps, other.steps, Step::definesSameAs)
                && pairwise(variables, other.variables, Variable::declaresSameAs);
    }

    private static <T> boolean pairwise(List<T> left, List<T> right, java.util.function.BiPredicate<T, T> same) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!same.test(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }
}
