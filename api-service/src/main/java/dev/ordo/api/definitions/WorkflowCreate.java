package dev.ordo.api.definitions;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The body of {@code POST /api/workflows/}. {@code meta_data} is accepted for {@code metadata}. */
public record WorkflowCreate(
        String name,
        String description,
        UUID projectId,
        Map<String, Object> config,
        Integer timeoutSeconds,
        Integer maxRetries,
        List<StepInput> steps,
        List<VariableInput> variables,
        @JsonAlias("meta_data") Map<String, Object> metadata) {

    public record StepInput(
            String name,
            String stepType,
            Integer stepOrder,
            List<String> dependsOnSteps,
            Integer timeoutSeconds,
            Integer maxRetries,
            String conditionExpression,
            Map<String, Object> config,
            @JsonAlias("meta_data") Map<String, Object> metadata) {
    }

    public record VariableInput(
            String name,
            String dataType,
            Boolean isRequired,
            Object defaultValue,
            String description,
            @JsonAlias("meta_data") Map<String, Object> metadata) {
    }
}
