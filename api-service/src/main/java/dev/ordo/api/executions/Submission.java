package dev.ordo.api.executions;

import java.util.UUID;

/**
 * The answer to an accepted execute request: the submission and its command are committed
 * together. Normally the command is also on the broker already; if the broker did not acknowledge
 * it within the send timeout, it waits in the outbox and the execution starts once the broker is back.
 */
public record Submission(String status, UUID executionId, String message, UUID workflowId) {

    static Submission submitted(UUID executionId, UUID workflowId) {
        return new Submission("submitted", executionId, "Workflow execution started successfully", workflowId);
    }

    static Submission awaitingBroker(UUID executionId, UUID workflowId) {
        return new Submission("submitted", executionId,
                "Workflow execution accepted; it starts as soon as the event broker takes it", workflowId);
    }
}
