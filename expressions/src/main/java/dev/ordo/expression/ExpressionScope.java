package dev.ordo.expression;

import java.util.Map;

/**
 * What {@code ${...}} references can see: the execution's input variables and the outputs of
 * the steps that have completed so far.
 */
public record ExpressionScope(Map<String, Object> variables, Map<String, Map<String, Object>> stepOutputs) {

    public ExpressionScope {
        variables = variables == null ? Map.of() : variables;
        stepOutputs = stepOutputs == null ? Map.of() : stepOutputs;
    }
}
