package dev.ordo.api.executions;

import dev.ordo.api.definitions.WorkflowDocument.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks submitted inputs against a workflow's declared variables: required ones present, each
 * value of its {@code data_type}, defaults applied. Undeclared inputs pass through unchanged.
 */
final class InputVariables {

    /** The inputs to run with, or the list of problems, one per offending variable. */
    record Outcome(Map<String, Object> inputs, List<String> problems) {
    }

    private InputVariables() {
    }

    static Outcome check(List<Variable> declared, Map<String, Object> submitted) {
        Map<String, Object> inputs = new LinkedHashMap<>(submitted == null ? Map.of() : submitted);
        List<String> problems = new ArrayList<>();
        for (Variable variable : declared) {
            Object value = inputs.get(variable.name());
            if (value == null && variable.defaultValue() != null) {
                inputs.put(variable.name(), variable.defaultValue());
            } else if (value == null && variable.isRequired()) {
                problems.add("Missing required variable '" + variable.name() + "'");
            } else if (value != null && !matches(variable.dataType(), value)) {
                problems.add("Variable '" + variable.name() + "' must be of type " + variable.dataType()
                        + ", got " + describe(value));
            }
        }
        return new Outcome(inputs, problems);
    }

    private static boolean matches(String dataType, Object value) {
        switch (dataType == null ? "string" : dataType) {
            case "string":
                return value instanceof String;
            case "int":
                return value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
            case "float":
                return value instanceof Number;
            case "bool":
                return value instanceof Boolean;
            default:
                return true;
        }
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Number) {
            return value instanceof Integer || value instanceof Long ? "int" : "float";
        }
        return value instanceof List ? "array" : "object";
    }
}
