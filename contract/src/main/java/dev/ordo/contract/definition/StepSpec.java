package dev.ordo.contract.definition;

import java.util.List;
import java.util.Map;

/**
 * One step of a pinned workflow definition, as the engine sees it. What it is (a marker, a gate,
 * a delay, a worker or agent task) is {@link StepKind#of(StepSpec)}.
 *
 * @param dependsOn names of the steps that must complete first; none makes this an entry step
 * @param timeoutSeconds per-attempt timeout, or null for none
 * @param maxRetries retries after the first attempt, or null to inherit the workflow's
 */
public record StepSpec(
        String name,
        String stepType,
        int stepOrder,
        List<String> dependsOn,
        Integer timeoutSeconds,
        Integer maxRetries,
        String conditionExpression,
        Map<String, Object> config) {

    public StepSpec {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        config = config == null ? Map.of() : config;
    }
}
