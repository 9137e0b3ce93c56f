package dev.ordo.api.executions;

import java.util.UUID;

/** The answer to an accepted execute request: the command is durably on the broker. */
public record Submission(String status, UUID executionId, String message, UUID workflowId) {

    static Submission submitted(UUID executionId, UUID workflowId) {
        return new Submission("submitted", executionId, "Workflow execution started successfully", workflowId);
    }
}
