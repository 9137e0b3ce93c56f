package dev.ordo.contract.definition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The definition an execution runs, pinned when it starts: later edits of the workflow never
 * reach a running execution.
 */
public record WorkflowSnapshot(int timeoutSeconds, int maxRetries, Map<String, Object> config, List<StepSpec> steps) {

    public WorkflowSnapshot {
        config = config == null ? Map.of() : config;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Optional<StepSpec> step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst();
    }
}
