package dev.ordo.api.executions;

import dev.ordo.api.executions.reads.ExecutionHeader;
import dev.ordo.api.executions.reads.ExecutionLookup;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Accepts a rerun: a new execution of the same pinned version with the same inputs, submitted like
 * any execute (a submission row, the next number, {@code Idempotency-Key}, the outbox). Unknown or
 * another workspace's execution → 404; a start the engine refused (no definition) → 409.
 */
@Service
public class ExecutionReruns {

    private final ExecutionLookup lookup;
    private final ExecutionSubmissions submissions;

    ExecutionReruns(ExecutionLookup lookup, ExecutionSubmissions submissions) {
        this.lookup = lookup;
        this.submissions = submissions;
    }

    public RerunAccepted rerun(Workspace workspace, UUID executionId, String idempotencyKey) {
        ExecutionHeader original = lookup.header(workspace.id(), executionId)
                .orElseThrow(() -> ApiException.notFound("Execution not found"));
        if (!original.hasDefinition() || original.workflowId() == null) {
            throw ApiException.conflict("Execution " + executionId + " never started (the engine refused its start),"
                    + " so there is no definition to run again");
        }
        Map<String, Object> inputs = original.inputVariables() == null ? Map.of() : original.inputVariables();
        PinnedStart start = new PinnedStart(original.workflowVersion(), original.projectId(), original.definition(),
                inputs, executionId);
        return RerunAccepted.of(submissions.resubmit(workspace, original.workflowId(), start, idempotencyKey),
                executionId);
    }
}
