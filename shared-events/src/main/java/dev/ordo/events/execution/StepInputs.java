package dev.ordo.events.execution;

import dev.ordo.events.definition.StepSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input a step receives: an entry step gets the execution's input variables; a step with
 * dependencies gets its dependencies' outputs merged in {@code depends_on_steps} order (a later
 * dependency's field wins).
 */
final class StepInputs {

    private StepInputs() {
    }

    static Map<String, Object> of(StepSpec step, ExecutionState state) {
        if (step.dependsOn().isEmpty()) {
            return state.start().inputs();
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String dependency : step.dependsOn()) {
            Map<String, Object> output = state.step(dependency).output();
            if (output != null) {
                merged.putAll(output);
            }
        }
        return merged;
    }
}
