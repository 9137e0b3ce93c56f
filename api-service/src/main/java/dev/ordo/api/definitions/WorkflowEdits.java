package dev.ordo.api.definitions;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing and deleting workflows. Both lock the workflow row for update first, so edits and
 * deletes of one workflow take turns, and wait for submissions in flight (which hold the row
 * {@code FOR SHARE}); a delete then sees those submissions and refuses with 409.
 */
@Service
public class WorkflowEdits {

    private final WorkflowRepository workflows;
    private final WorkflowDefinitions definitions;
    private final ActiveExecutions activeExecutions;
    private final Clock clock;

    WorkflowEdits(WorkflowRepository workflows, WorkflowDefinitions definitions, ActiveExecutions activeExecutions,
                  Clock clock) {
        this.workflows = workflows;
        this.definitions = definitions;
        this.activeExecutions = activeExecutions;
        this.clock = clock;
    }

    /**
     * Applies a partial update. A change to config, timeouts, retries, steps or variables is
     * re-validated and stored as version + 1 (earlier versions stay, and running executions keep the
     * version they started with); name, description, project, activity and metadata change in place.
     */
    @Transactional
    public Workflow update(Workspace workspace, UUID workflowId, WorkflowUpdate update) {
        WorkflowRequestChecks.check(update);
        Workflow current = workflows.findForUpdate(workspace.id(), workflowId).orElseThrow(WorkflowDefinitions::notFound);
        Instant now = Instant.now(clock);
        Workflow revised = current.withDescriptionFields(
                update.projectId() == null ? current.projectId() : definitions.projectFor(workspace, update.projectId()),
                Objects.requireNonNullElse(update.name(), current.name()),
                update.description() == null ? current.description() : update.description(),
                Objects.requireNonNullElse(update.isActive(), current.isActive()),
                update.metadata() == null ? current.metadata() : update.metadata(), now);
        if (update.touchesDefinition()) {
            WorkflowDocument document = WorkflowDocuments.revise(current.document(), update, now);
            DefinitionChecks.requireValid(document);
            if (!document.runsLike(current.document())) {
                revised = revised.withVersion(current.version() + 1, document, now);
                workflows.insertVersion(revised);
            }
        }
        try {
            workflows.updateHead(revised);
        } catch (DuplicateKeyException e) {
            throw WorkflowDefinitions.nameTaken(revised.name());
        }
        return revised;
    }

    /** Deletes a workflow and its versions; refused with 409 while any of its executions is unfinished. */
    @Transactional
    public void delete(Workspace workspace, UUID workflowId) {
        workflows.findForUpdate(workspace.id(), workflowId).orElseThrow(WorkflowDefinitions::notFound);
        if (activeExecutions.any(workflowId)) {
            throw ApiException.conflict("Workflow has pending or running executions; wait for them to finish or cancel"
                    + " them before deleting it");
        }
        workflows.delete(workflowId);
    }
}
