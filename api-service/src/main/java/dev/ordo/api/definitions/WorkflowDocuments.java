package dev.ordo.api.definitions;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Builds the stored document of a new workflow and of a revision. A revision keeps the id and
 * creation time of each step and variable whose name it keeps, so ids stay stable across versions.
 */
final class WorkflowDocuments {

    static final int DEFAULT_TIMEOUT_SECONDS = 3600;
    static final int DEFAULT_MAX_RETRIES = 3;

    private WorkflowDocuments() {
    }

    static WorkflowDocument of(WorkflowCreate request, Instant now) {
        return new WorkflowDocument(orEmpty(request.config()),
                Objects.requireNonNullElse(request.timeoutSeconds(), DEFAULT_TIMEOUT_SECONDS),
                Objects.requireNonNullElse(request.maxRetries(), DEFAULT_MAX_RETRIES),
                steps(request.steps(), Map.of(), now), variables(request.variables(), Map.of(), now));
    }

    /** The document after {@code update}: each given part replaces the current one. */
    static WorkflowDocument revise(WorkflowDocument current, WorkflowUpdate update, Instant now) {
        Map<String, WorkflowDocument.Step> stepsByName = new HashMap<>();
        current.steps().forEach(step -> stepsByName.putIfAbsent(step.name(), step));
        Map<String, WorkflowDocument.Variable> variablesByName = new HashMap<>();
        current.variables().forEach(variable -> variablesByName.putIfAbsent(variable.name(), variable));
        return new WorkflowDocument(
                update.config() == null ? current.config() : update.config(),
                Objects.requireNonNullElse(update.timeoutSeconds(), current.timeoutSeconds()),
                Objects.requireNonNullElse(update.maxRetries(), current.maxRetries()),
                update.steps() == null ? current.steps() : steps(update.steps(), stepsByName, now),
                update.variables() == null ? current.variables() : variables(update.variables(), variablesByName, now));
    }

    private static List<WorkflowDocument.Step> steps(List<WorkflowCreate.StepInput> inputs,
                                                     Map<String, WorkflowDocument.Step> earlier, Instant now) {
        List<WorkflowCreate.StepInput> given = inputs == null ? List.of() : inputs;
        return IntStream.range(0, given.size()).mapToObj(i -> {
            WorkflowCreate.StepInput in = given.get(i);
            WorkflowDocument.Step before = earlier.get(in.name());
            return new WorkflowDocument.Step(before == null ? UUID.randomUUID() : before.id(), in.name(),
                    Objects.requireNonNullElse(in.stepType(), "task"), Objects.requireNonNullElse(in.stepOrder(), i + 1),
                    in.dependsOnSteps() == null ? List.of() : in.dependsOnSteps(), in.timeoutSeconds(),
                    in.maxRetries(), in.conditionExpression(), orEmpty(in.config()), orEmpty(in.metadata()),
                    before == null ? now : before.createdAt(), now);
        }).toList();
    }

    private static List<WorkflowDocument.Variable> variables(List<WorkflowCreate.VariableInput> inputs,
                                                             Map<String, WorkflowDocument.Variable> earlier,
                                                             Instant now) {
        List<WorkflowCreate.VariableInput> given = inputs == null ? List.of() : inputs;
        return given.stream().map(in -> {
            WorkflowDocument.Variable before = earlier.get(in.name());
            return new WorkflowDocument.Variable(before == null ? UUID.randomUUID() : before.id(), in.name(),
                    Objects.requireNonNullElse(in.dataType(), "string"), Boolean.TRUE.equals(in.isRequired()),
                    in.defaultValue(), in.description(), orEmpty(in.metadata()),
                    before == null ? now : before.createdAt(), now);
        }).toList();
    }

    static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }
}
