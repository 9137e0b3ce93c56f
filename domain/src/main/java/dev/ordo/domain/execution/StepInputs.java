package dev.ordo.domain.execution;

import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.expression.ExpressionScope;
import dev.ordo.expression.Templates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input a step receives ({@code input_data}).
 *
 * <p>An input given for the step by the retry that began the current run is taken as it is.
 * Otherwise, with {@code config.inputs} (a map), each entry is resolved as a template (see
 * {@link Templates}): {@code ${var}} reads input variable {@code var}, {@code ${steps.x.output.f}}
 * field {@code f} of completed step {@code x}'s output. Without it, an entry step gets the
 * execution's input variables and a step with dependencies gets its dependencies' outputs merged
 * in {@code depends_on_steps} order (a later dependency's field wins).
 */
final class StepInputs {

    private StepInputs() {
    }

    static Map<String, Object> of(StepSpec step, ExecutionState state) {
        Map<String, Object> given = state.givenInput(step.name());
        if (given != null) {
            return given;
        }
        if (step.config().get("inputs") instanceof Map<?, ?> templates) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            templates.forEach((key, template) -> resolved.put(String.valueOf(key), Templates.resolve(template, scope(state))));
            return resolved;
        }
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

    /** What references see: the input variables and every completed step's output. */
    static ExpressionScope scope(ExecutionState state) {
        Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
        state.steps().forEach((name, step) -> {
            if (step.status() == StepStatus.COMPLETED && step.output() != null) {
                outputs.put(name, step.output());
            }
        });
        return new ExpressionScope(state.start().inputs(), outputs);
    }
}
