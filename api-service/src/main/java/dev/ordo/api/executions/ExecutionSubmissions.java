package dev.ordo.api.executions;

import dev.ordo.api.definitions.Workflow;
import dev.ordo.api.definitions.WorkflowDefinitions;
import dev.ordo.api.definitions.WorkflowRepository;
import dev.ordo.api.messaging.CommandPublisher;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts an execute request: inputs checked, submission recorded, {@code StartExecution} durably
 * on the broker, all or nothing (only the execution number of a refused submission is spent). The
 * submission row commits only after the broker acknowledged.
 */
@Service
public class ExecutionSubmissions {

    private final WorkflowDefinitions definitions;
    private final WorkflowRepository workflows;
    private final SubmissionRepository submissions;
    private final CommandPublisher commands;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExecutionSubmissions(WorkflowDefinitions definitions, WorkflowRepository workflows,
                         SubmissionRepository submissions, CommandPublisher commands,
                         TransactionTemplate transaction, Clock clock) {
        this.definitions = definitions;
        this.workflows = workflows;
        this.submissions = submissions;
        this.commands = commands;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Not one transaction end to end: the execution number is taken first, in a statement of its
     * own; the submission row and the command then commit together, the row only after the broker
     * acknowledged the command.
     */
    public Submission submit(Workspace workspace, UUID workflowId, Map<String, Object> inputVariables,
                             String idempotencyKey) {
        Workflow workflow = definitions.get(workspace, workflowId);
        if (!workflow.isActive()) {
            throw ApiException.badRequest("Workflow is not active");
        }
        Optional<UUID> earlier = earlierSubmission(workflowId, idempotencyKey);
        if (earlier.isPresent()) {
            return Submission.submitted(earlier.get(), workflowId);
        }
        InputVariables.Outcome inputs = InputVariables.check(workflow.document().variables(), inputVariables);
        if (!inputs.problems().isEmpty()) {
            throw ApiException.badRequest(Map.of("message", "Invalid input variables", "errors", inputs.problems()));
        }
        long number = workflows.nextExecutionNumber(workflowId);
        UUID executionId = UUID.randomUUID();
        try {
            return transaction.execute(status -> record(workspace, workflow, executionId, number, idempotencyKey,
                    inputs.inputs()));
        } catch (DuplicateKeyException e) {
            return earlierSubmission(workflowId, idempotencyKey)
                    .map(id -> Submission.submitted(id, workflowId))
                    .orElseThrow(() -> e);
        }
    }

    private Submission record(Workspace workspace, Workflow workflow, UUID executionId, long number,
                              String idempotencyKey, Map<String, Object> inputs) {
        workflows.holdAgainstDeletion(workflow.id());
        Instant now = Instant.now(clock);
        submissions.insert(executionId, workflow.id(), workflow.version(), workspace.id(), workflow.projectId(), number,
                idempotencyKey, inputs, now);
        commands.publish(new StartExecution(executionId, workflow.id(), workflow.version(), workspace.id(),
                workflow.projectId(), workflow.document().snapshot(), inputs, now));
        return Submission.submitted(executionId, workflow.id());
    }

    private Optional<UUID> earlierSubmission(UUID workflowId, String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty() : submissions.findByIdempotencyKey(workflowId, idempotencyKey);
    }
}
