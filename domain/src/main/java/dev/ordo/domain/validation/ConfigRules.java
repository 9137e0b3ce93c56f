package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.ValidationIssue.ofStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rules about what each step asks to run: a known {@code step_type}, a config its step type and
 * processing type accept, an expression on every {@code condition} step.
 */
final class ConfigRules {

    /** The step types a workflow may use; a missing type means {@code task}. */
    static final List<String> STEP_TYPES = List.of("task", "condition", "parallel", "sequential", "agent");

    private ConfigRules() {
    }

    static List<ValidationIssue> invalidConfigs(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            for (String problem : problems(step)) {
                issues.add(ofStep(step, IssueType.INVALID_CONFIG, "Step '" + step.name() + "': " + problem,
                        Map.of("step_type", stepType(step))));
            }
        }
        return issues;
    }

    static String stepType(StepDraft step) {
        return step.stepType() == null ? "task" : step.stepType();
    }

    static Map<String, Object> config(StepDraft step) {
        return step.config() == null ? Map.of() : step.config();
    }

    /** The processing type a task or agent step names, {@code default} when none; null when it names none properly. */
    static String processingType(StepDraft step) {
        Object type = config(step).getOrDefault("processing_type", ProcessingTypes.DEFAULT);
        return type instanceof String text && !text.isBlank() ? text : null;
    }

    private static List<String> problems(StepDraft step) {
        String type = stepType(step);
        if (!STEP_TYPES.contains(type)) {
            return List.of("step_type '" + type + "' is unknown; expected one of " + String.join(", ", STEP_TYPES));
        }
        List<String> problems = new ArrayList<>();
        Object inputs = config(step).get("inputs");
        if (inputs != null && !(inputs instanceof Map)) {
            problems.add("config.inputs must be an object mapping input names to values or ${...} references");
        }
        if (type.equals("condition") && (step.conditionExpression() == null || step.conditionExpression().isBlank())) {
            problems.add("a condition step needs a condition_expression");
        }
        if (type.equals("agent")) {
            Object capabilities = config(step).get("required_capabilities");
            if (capabilities != null && !(capabilities instanceof List<?> names
                    && names.stream().allMatch(name -> name instanceof String text && !text.isBlank()))) {
                problems.add("config.required_capabilities must be a list of capability names");
            }
        }
        if (type.equals("task") || type.equals("agent")) {
            String processingType = processingType(step);
            if (processingType == null) {
                problems.add("config.processing_type must be a non-empty string");
            } else {
                problems.addAll(ProcessingTypes.problems(processingType, config(step)));
            }
        }
        return problems;
    }
}
