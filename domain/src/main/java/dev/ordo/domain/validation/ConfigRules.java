package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.ValidationIssue.ofStep;

import dev.ordo.contract.definition.StepKind;
import dev.ordo.contract.definition.StepKind.AgentTask;
import dev.ordo.contract.definition.StepKind.ConditionGate;
import dev.ordo.contract.definition.StepKind.Delay;
import dev.ordo.contract.definition.StepKind.WorkerTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rules about what each step asks to run, judged on its {@link StepKind} as the engine and the
 * workers will read it: a known {@code step_type}, a config its kind and processing type accept,
 * an expression on every {@code condition} step.
 */
final class ConfigRules {

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
        return step.stepType() == null ? StepKind.TASK : step.stepType();
    }

    static Map<String, Object> config(StepDraft step) {
        return step.config() == null ? Map.of() : step.config();
    }

    static StepKind.Parsed<StepKind> kind(StepDraft step) {
        return StepKind.read(step.stepType(), step.conditionExpression(), step.config());
    }

    /** The processing type a worker, agent or delay step names; null for other kinds and when it names none properly. */
    static String processingType(StepDraft step) {
        StepKind kind = kind(step).value();
        if (kind instanceof WorkerTask task) {
            return task.processingType();
        } else if (kind instanceof AgentTask agent) {
            return agent.processingType();
        }
        return kind instanceof Delay ? StepKind.DELAY_PROCESSING_TYPE : null;
    }

    /** The condition the step is gated on, or null: a gate's expression, else {@code condition_expression}. */
    static ConditionGate condition(StepDraft step) {
        if (kind(step).value() instanceof ConditionGate gate) {
            return gate.expression() == null ? null : gate;
        }
        String expression = step.conditionExpression();
        return expression == null || expression.isBlank() ? null : new ConditionGate(expression, "condition_expression");
    }

    private static List<String> problems(StepDraft step) {
        StepKind.Parsed<StepKind> kind = kind(step);
        if (!StepKind.STEP_TYPES.contains(stepType(step))) {
            return kind.problems();
        }
        List<String> problems = new ArrayList<>();
        Object inputs = config(step).get("inputs");
        if (inputs != null && !(inputs instanceof Map)) {
            problems.add("config.inputs must be an object mapping input names to values or ${...} references");
        }
        problems.addAll(kind.problems());
        String processingType = processingType(step);
        if (processingType != null) {
            problems.addAll(ProcessingTypes.problems(processingType, config(step)));
        }
        return problems;
    }
}
