package dev.ordo.api.definitions;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The body of {@code PATCH /api/workflows/{id}}: every field optional; absent or null leaves it as
 * it is. {@code steps} and {@code variables}, when given, replace the whole list.
 */
@Schema(description = "Partial update of a workflow definition; omitted or null fields stay unchanged")
public record WorkflowUpdate(
        String name,
        String description,
        UUID projectId,
        Map<String, Object> config,
        Integer timeoutSeconds,
        Integer maxRetries,
        List<WorkflowCreate.StepInput> steps,
        List<WorkflowCreate.VariableInput> variables,
        Boolean isActive,
        @JsonAlias("meta_data") Map<String, Object> metadata) {

    /** True when the update touches what runs, so that a changed value makes a new version. */
    boolean touchesDefinition() {
        return config != null || timeoutSeconds != null || maxRetries != null || steps != null || variables != null;
    }
}
