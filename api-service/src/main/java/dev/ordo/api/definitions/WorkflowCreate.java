package dev.ordo.api.definitions;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The body of {@code POST /api/workflows/} (and of {@code /validate}). {@code meta_data} is accepted
 * for {@code metadata} here and in steps and variables.
 */
@Schema(description = "A new workflow definition: a graph of steps linked by depends_on_steps (step names)")
public record WorkflowCreate(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255) String name,
        String description,
        @Schema(description = "A project of the workspace; its default project when omitted") UUID projectId,
        Map<String, Object> config,
        @Schema(minimum = "1", defaultValue = "3600", description = "Bound on a whole execution") Integer timeoutSeconds,
        @Schema(minimum = "0", defaultValue = "3", description = "Retries of a step that sets none; 0 means none")
        Integer maxRetries,
        List<StepInput> steps,
        List<VariableInput> variables,
        @JsonAlias("meta_data") Map<String, Object> metadata) {

    @Schema(description = "One step; steps without dependencies start first and in parallel")
    public record StepInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Unique in the workflow") String name,
            @Schema(allowableValues = {"task", "condition", "parallel", "sequential", "agent"}, defaultValue = "task")
            String stepType,
            @Schema(minimum = "1", description = "Orders run 1..n without gaps; equal orders are parallel branches")
            Integer stepOrder,
            @Schema(description = "Names of the steps that must complete first") List<String> dependsOnSteps,
            @Schema(minimum = "1") Integer timeoutSeconds,
            @Schema(minimum = "0", description = "Null inherits the workflow's max_retries") Integer maxRetries,
            @Schema(description = "Evaluated when the step is ready; false skips it and its branch")
            String conditionExpression,
            @Schema(description = "processing_type selects the handler; inputs maps names to ${...} references")
            Map<String, Object> config,
            @JsonAlias("meta_data") Map<String, Object> metadata) {
    }

    @Schema(description = "An input variable executions are checked against")
    public record VariableInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(allowableValues = {"string", "int", "float", "bool", "json"}, defaultValue = "string") String dataType,
            Boolean isRequired,
            Object defaultValue,
            String description,
            @JsonAlias("meta_data") Map<String, Object> metadata) {
    }
}
