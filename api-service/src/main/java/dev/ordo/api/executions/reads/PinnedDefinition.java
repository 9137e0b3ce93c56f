package dev.ordo.api.executions.reads;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The definition an execution runs, pinned when it was submitted: what the engine runs, spelled as
 * the workflow routes spell it ({@code depends_on_steps}), steps in {@code step_order}, then name.
 */
public record PinnedDefinition(int timeoutSeconds, int maxRetries, Map<String, Object> config, List<Step> steps) {

    public record Step(UUID id, String name, String stepType, int stepOrder, List<String> dependsOnSteps,
                       Integer timeoutSeconds, Integer maxRetries, String conditionExpression,
                       Map<String, Object> config) {
    }

    /** Null for an execution without a definition (a start the engine refused). */
    static PinnedDefinition of(ExecutionHeader header) {
        WorkflowSnapshot snapshot = header.definition();
        if (snapshot == null) {
            return null;
        }
        List<Step> steps = snapshot.steps().stream()
                .sorted(Comparator.comparingInt(StepSpec::stepOrder).thenComparing(StepSpec::name))
                .map(step -> new Step(header.stepId(step.name()), step.name(), step.stepType(), step.stepOrder(),
                        step.dependsOn(), step.timeoutSeconds(), step.maxRetries(), step.conditionExpression(),
                        step.config()))
                .toList();
        return new PinnedDefinition(snapshot.timeoutSeconds(), snapshot.maxRetries(), snapshot.config(), steps);
    }
}
