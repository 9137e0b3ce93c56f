package dev.ordo.api.executions;

import java.util.UUID;

/** The answer to an accepted rerun: a new execution was submitted, exactly like an execute. */
public record RerunAccepted(String status, UUID executionId, UUID workflowId, String message, UUID rerunOf) {

    static RerunAccepted of(Submission submission, UUID rerunOf) {
        return new RerunAccepted(submission.status(), submission.executionId(), submission.workflowId(),
                submission.message(), rerunOf);
    }
}
