package dev.ordo.api.executions.reads;

import dev.ordo.api.definitions.WorkflowDefinitions;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.web.PageRequest;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.contract.execution.ExecutionStatus;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The execution queries, each in one workspace: an execution or workflow of another workspace is
 * answered 404 exactly like an unknown one.
 */
@Service
public class ExecutionReads {

    private final ExecutionLookup lookup;
    private final ExecutionListing listing;
    private final WorkflowDefinitions definitions;

    ExecutionReads(ExecutionLookup lookup, ExecutionListing listing, WorkflowDefinitions definitions) {
        this.lookup = lookup;
        this.listing = listing;
        this.definitions = definitions;
    }

    public ExecutionDetail detail(Workspace workspace, UUID executionId) {
        Execution execution = require(workspace, executionId);
        return ExecutionDetail.of(execution.header(), execution.progress());
    }

    public ExecutionTimeline timeline(Workspace workspace, UUID executionId) {
        return ExecutionTimeline.of(require(workspace, executionId), lookup.attempts(executionId));
    }

    /**
     * A page of a workflow's executions, newest first.
     *
     * @param status an API status name or null; any other name is a 400 {@code Invalid status: x}
     */
    public ExecutionList list(Workspace workspace, UUID workflowId, int skip, int limit, String status) {
        definitions.get(workspace, workflowId);
        PageRequest page = PageRequest.of(skip, limit);
        if (status != null && ExecutionStatus.fromApiName(status).isEmpty()) {
            throw ApiException.badRequest("Invalid status: " + status);
        }
        return new ExecutionList(listing.page(workspace.id(), workflowId, status, page.skip(), page.limit()),
                listing.count(workspace.id(), workflowId, status), page.skip(), page.limit());
    }

    private Execution require(Workspace workspace, UUID executionId) {
        return lookup.find(workspace.id(), executionId).orElseThrow(ExecutionReads::notFound);
    }

    static ApiException notFound() {
        return ApiException.notFound("Execution not found");
    }
}
