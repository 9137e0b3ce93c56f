package dev.ordo.api.definitions;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and reading workflow definitions within a workspace. */
@Service
public class WorkflowDefinitions {

    private final WorkflowRepository workflows;
    private final Clock clock;

    WorkflowDefinitions(WorkflowRepository workflows, Clock clock) {
        this.workflows = workflows;
        this.clock = clock;
    }

    /** A page of a workspace's workflows, newest first, with the total the filter matches. */
    public record Page(List<Workflow> items, long total) {
    }

    /**
     * Stores a new workflow at version 1: malformed fields are a 422, a definition too large to run
     * or an invalid graph a 400, a project of another workspace a 400, a name taken in the project a 409.
     */
    @Transactional
    public Workflow create(Workspace workspace, WorkflowCreate request) {
        WorkflowRequestChecks.check(request);
        Instant now = Instant.now(clock);
        WorkflowDocument document = WorkflowDocuments.of(request, now);
        DefinitionChecks.requireValid(request, document);
        UUID projectId = projectFor(workspace, request.projectId());
        Workflow workflow = new Workflow(UUID.randomUUID(), workspace.id(), projectId, request.name(),
                request.description(), 1, true, WorkflowDocuments.orEmpty(request.metadata()), now, now, document);
        try {
            workflows.insert(workflow);
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name());
        }
        return workflow;
    }

    public Workflow get(Workspace workspace, UUID workflowId) {
        return workflows.find(workspace.id(), workflowId).orElseThrow(WorkflowDefinitions::notFound);
    }

    /** A historical version exactly as it was stored; an unknown version is a 404. */
    public Workflow get(Workspace workspace, UUID workflowId, int version) {
        get(workspace, workflowId);
        return workflows.findVersion(workspace.id(), workflowId, version)
                .orElseThrow(() -> ApiException.notFound("Workflow version " + version + " not found"));
    }

    public Page list(Workspace workspace, WorkflowRepository.Filter filter, int skip, int limit) {
        return new Page(workflows.list(workspace.id(), filter, skip, limit), workflows.count(workspace.id(), filter));
    }

    /** The project a workflow goes into: the workspace's default unless one of its own is named. */
    UUID projectFor(Workspace workspace, UUID requested) {
        if (requested == null) {
            return workspace.defaultProjectId();
        }
        if (!workflows.projectBelongsTo(requested, workspace.id())) {
            throw ApiException.badRequest("Project " + requested + " does not belong to this workspace");
        }
        return requested;
    }

    static ApiException notFound() {
        return ApiException.notFound("Workflow not found");
    }

    static ApiException nameTaken(String name) {
        return ApiException.conflict("A workflow named '" + name + "' already exists in this project");
    }
}
