package dev.ordo.expression;

import java.util.List;
import java.util.Map;

/**
 * One {@code ${...}} reference in a condition or an input template.
 *
 * <p>{@code ${name}} and {@code ${name.field.sub}} reach into input variable {@code name};
 * {@code ${steps.<step>.output}} and {@code ${steps.<step>.output.field...}} reach into the output
 * of step {@code <step>}. A path segment that is a number indexes a list. The first segment
 * {@code steps} is reserved for step outputs.
 */
public sealed interface Reference {

    /** Follows this reference through {@code scope}; null when anything on the way is missing. */
    Object resolve(ExpressionScope scope);

    record VariableReference(String name, List<String> path) implements Reference {

        public VariableReference {
            path = List.copyOf(path);
        }

        @Override
        public Object resolve(ExpressionScope scope) {
            Map<String, Object> variables = scope.variables();
            return variables.containsKey(name) ? Paths.follow(variables.get(name), path) : null;
        }
    }

    record StepOutputReference(String step, List<String> path) implements Reference {

        public StepOutputReference {
            path = List.copyOf(path);
        }

        @Override
        public Object resolve(ExpressionScope scope) {
            Map<String, Object> output = scope.stepOutputs().get(step);
            return output == null ? null : Paths.follow(output, path);
        }
    }
}
