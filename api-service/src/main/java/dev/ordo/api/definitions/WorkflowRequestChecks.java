package dev.ordo.api.definitions;

import dev.ordo.api.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Field-level checks of a create request, answered with 422 and FastAPI's {@code {loc, msg, type}}
 * list: what a schema would refuse before any graph rule applies.
 */
final class WorkflowRequestChecks {

    private WorkflowRequestChecks() {
    }

    static void check(WorkflowCreate request) {
        List<Map<String, Object>> problems = new ArrayList<>();
        if (request.name() == null) {
            problems.add(problem(List.of("body", "name"), "Field required", "missing"));
        } else if (request.name().isBlank() || request.name().length() > 255) {
            problems.add(problem(List.of("body", "name"), "Name must be 1 to 255 characters", "string_length"));
        }
        if (request.timeoutSeconds() != null && request.timeoutSeconds() < 1) {
            problems.add(problem(List.of("body", "timeout_seconds"), "Input should be greater than or equal to 1",
                    "greater_than_equal"));
        }
        if (request.maxRetries() != null && request.maxRetries() < 0) {
            problems.add(problem(List.of("body", "max_retries"), "Input should be greater than or equal to 0",
                    "greater_than_equal"));
        }
        List<WorkflowCreate.StepInput> steps = request.steps() == null ? List.of() : request.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == null || steps.get(i).name() == null || steps.get(i).name().isBlank()) {
                problems.add(problem(List.of("body", "steps", i, "name"), "Field required", "missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, problems);
        }
    }

    private static Map<String, Object> problem(List<Object> loc, String msg, String type) {
        return Map.of("loc", loc, "msg", msg, "type", type);
    }
}
