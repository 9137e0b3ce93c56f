package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.ValidationIssue.ofStep;

import dev.ordo.contract.definition.StepKind.ConditionGate;
import dev.ordo.expression.Conditions;
import dev.ordo.expression.References;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rules about what steps refer to through their condition (a gate's expression, wherever it is
 * written, or {@code condition_expression}) and the string values of
 * {@code config.inputs} (nested values included): conditions parse, every {@code ${...}} is well
 * formed, names a declared variable or a step of the workflow, and a step whose output is read
 * runs before the reader.
 */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static List<ValidationIssue> invalidConditions(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            ConditionGate condition = ConfigRules.condition(step);
            if (condition != null) {
                Conditions.syntaxError(condition.expression()).ifPresent(error -> issues.add(ofStep(step,
                        IssueType.INVALID_CONDITION, "Step '" + step.name() + "': " + condition.source() + " '"
                                + condition.expression() + "' does not parse: " + error,
                        Map.of("expression", condition.expression()))));
            }
        }
        return issues;
    }

    static List<ValidationIssue> malformedInputReferences(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            inputTexts(step).forEach((field, text) -> References.syntaxError(text).ifPresent(error ->
                    issues.add(ofStep(step, IssueType.INVALID_CONFIG, "Step '" + step.name() + "': " + field
                            + " has a malformed reference: " + error, Map.of("field", field)))));
        }
        return issues;
    }

    static List<ValidationIssue> unknownVariables(StepGraph graph) {
        Set<String> declared = graph.draft().variableNames() == null ? Set.of()
                : new HashSet<>(graph.draft().variableNames());
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            referringTexts(step).forEach((field, text) -> References.variables(text).stream()
                    .filter(name -> !declared.contains(name))
                    .forEach(name -> issues.add(ofStep(step, IssueType.UNKNOWN_VARIABLE, "Step '" + step.name()
                            + "' refers to variable '" + name + "' in " + field
                            + ", but the workflow declares no such variable", Map.of("variable", name, "field", field)))));
        }
        return issues;
    }

    /** Outputs of steps that do not exist are errors; of steps that may not have run yet, warnings. */
    static List<ValidationIssue> stepOutputReferences(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            Set<String> upstream = null;
            for (Map.Entry<String, String> text : referringTexts(step).entrySet()) {
                for (String referenced : References.steps(text.getValue())) {
                    if (!graph.hasStep(referenced)) {
                        issues.add(ofStep(step, IssueType.MISSING_DEPENDENCY, "Step '" + step.name()
                                + "' reads the output of '" + referenced + "' in " + text.getKey()
                                + ", but the workflow has no step of that name", Map.of("dependency", referenced)));
                        continue;
                    }
                    upstream = upstream == null ? upstream(graph, step) : upstream;
                    if (!upstream.contains(referenced)) {
                        issues.add(ofStep(step, IssueType.OUTPUT_NOT_UPSTREAM, "Step '" + step.name()
                                + "' reads the output of '" + referenced + "' in " + text.getKey() + ", but does not"
                                + " wait for that step, so its output may not exist yet",
                                Map.of("dependency", referenced)));
                    }
                }
            }
        }
        return issues;
    }

    /** Every step a step waits for, directly or through others. */
    private static Set<String> upstream(StepGraph graph, StepDraft step) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        StepGraph.dependencyNames(step).stream().map(graph::node).filter(node -> node >= 0).forEach(queue::add);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            if (seen.add(graph.name(node))) {
                for (int next : graph.dependencies(node)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    /** The condition and the input texts of a step, keyed by where they are. */
    private static Map<String, String> referringTexts(StepDraft step) {
        Map<String, String> texts = new LinkedHashMap<>();
        ConditionGate condition = ConfigRules.condition(step);
        if (condition != null && Conditions.syntaxError(condition.expression()).isEmpty()) {
            texts.put(condition.source(), condition.expression());
        }
        texts.putAll(inputTexts(step));
        return texts;
    }

    /** Every string inside {@code config.inputs}, keyed by its path such as {@code config.inputs.order.id}. */
    private static Map<String, String> inputTexts(StepDraft step) {
        Map<String, String> texts = new LinkedHashMap<>();
        ArrayDeque<Map.Entry<String, Object>> pending = new ArrayDeque<>();
        pending.add(Map.entry("config.inputs", Objects.requireNonNullElse(ConfigRules.config(step).get("inputs"), "")));
        while (!pending.isEmpty()) {
            Map.Entry<String, Object> entry = pending.poll();
            if (entry.getValue() instanceof String text && !text.isEmpty()) {
                texts.put(entry.getKey(), text);
            } else if (entry.getValue() instanceof Map<?, ?> map) {
                map.forEach((key, value) -> pending.add(Map.entry(entry.getKey() + "." + key,
                        Objects.requireNonNullElse(value, ""))));
            } else if (entry.getValue() instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    pending.add(Map.entry(entry.getKey() + "[" + i + "]", Objects.requireNonNullElse(list.get(i), "")));
                }
            }
        }
        return texts;
    }
}
