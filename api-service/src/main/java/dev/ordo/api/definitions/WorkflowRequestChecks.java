package dev.ordo.api.definitions;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Field-level checks of create and update requests, answered with 422 and FastAPI's
 * {@code {loc, msg, type}} list: what a schema would refuse before any graph rule applies.
 */
final class WorkflowRequestChecks {

    static final Set<String> DATA_TYPES = Set.of("string", "int", "float", "bool", "json");
    private static final int MAX_NAME_LENGTH = 255;

    private WorkflowRequestChecks() {
    }

    static void check(WorkflowCreate request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.name() == null) {
            problems.add(FieldProblem.missing(List.of("body", "name")));
        }
        fields(request.name(), request.timeoutSeconds(), request.maxRetries(), request.steps(), request.variables(),
                problems);
        refuseIfAny(problems);
    }

    static void check(WorkflowUpdate request) {
        List<FieldProblem> problems = new ArrayList<>();
        fields(request.name(), request.timeoutSeconds(), request.maxRetries(), request.steps(), request.variables(),
                problems);
        refuseIfAny(problems);
    }

    private static void fields(String name, Integer timeoutSeconds, Integer maxRetries,
                               List<WorkflowCreate.StepInput> steps, List<WorkflowCreate.VariableInput> variables,
                               List<FieldProblem> problems) {
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH)) {
            problems.add(new FieldProblem(List.of("body", "name"), "String should have 1 to 255 non-blank characters",
                    "string_length"));
        }
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            problems.add(FieldProblem.atLeast(List.of("body", "timeout_seconds"), 1));
        }
        if (maxRetries != null && maxRetries < 0) {
            problems.add(FieldProblem.atLeast(List.of("body", "max_retries"), 0));
        }
        for (int i = 0; steps != null && i < steps.size(); i++) {
            step(steps.get(i), i, problems);
        }
        for (int i = 0; variables != null && i < variables.size(); i++) {
            variable(variables.get(i), i, problems);
        }
    }

    private static void step(WorkflowCreate.StepInput step, int index, List<FieldProblem> problems) {
        if (step == null) {
            problems.add(FieldProblem.missing(List.of("body", "steps", index)));
            return;
        }
        if (step.name() == null || step.name().isBlank()) {
            problems.add(FieldProblem.missing(List.of("body", "steps", index, "name")));
        }
        if (step.stepOrder() != null && step.stepOrder() < 1) {
            problems.add(FieldProblem.atLeast(List.of("body", "steps", index, "step_order"), 1));
        }
        if (step.timeoutSeconds() != null && step.timeoutSeconds() < 1) {
            problems.add(FieldProblem.atLeast(List.of("body", "steps", index, "timeout_seconds"), 1));
        }
        if (step.maxRetries() != null && step.maxRetries() < 0) {
            problems.add(FieldProblem.atLeast(List.of("body", "steps", index, "max_retries"), 0));
        }
    }

    private static void variable(WorkflowCreate.VariableInput variable, int index, List<FieldProblem> problems) {
        if (variable == null) {
            problems.add(FieldProblem.missing(List.of("body", "variables", index)));
            return;
        }
        if (variable.name() == null || variable.name().isBlank()) {
            problems.add(FieldProblem.missing(List.of("body", "variables", index, "name")));
        }
        if (variable.dataType() != null && !DATA_TYPES.contains(variable.dataType())) {
            problems.add(new FieldProblem(List.of("body", "variables", index, "data_type"),
                    "Input should be 'string', 'int', 'float', 'bool' or 'json'", "enum"));
        }
    }

    private static void refuseIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
    }
}
