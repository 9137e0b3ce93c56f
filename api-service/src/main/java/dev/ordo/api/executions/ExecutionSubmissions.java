package dev.ordo.api.executions;

import dev.ordo.api.definitions.Workflow;
import dev.ordo.api.definitions.WorkflowDefinitions;
import dev.ordo.api.definitions.WorkflowRepository;
import dev.ordo.api.messaging.CommandOutbox;
import dev.ordo.api.messaging.OutboxRow;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts an execute request: inputs checked, then the submission and its {@code StartExecution}
 * written to the outbox in one transaction, then the command published. So no execution runs
 * without its submission, no committed submission lacks its command, and a repeated
 * {@code Idempotency-Key} finds the one submission (and so the one execution) whatever failed
 * in between. Only the execution number of a refused submission is spent.
 */
@Service
public class ExecutionSubmissions {

    private final WorkflowDefinitions definitions;
    private final WorkflowRepository workflows;
    private final SubmissionRepository submissions;
    private final CommandOutbox commands;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExecutionSubmissions(WorkflowDefinitions definitions, WorkflowRepository workflows,
                         SubmissionRepository submissions, CommandOutbox commands,
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
     * own; the submission and its command then commit together, and the command is published after.
     * A repeat of an earlier {@code Idempotency-Key} answers that execution, also while the broker
     * is away; anything new is refused with 503 while it is.
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
        InputLimits.requireWithinLimit(inputs.inputs());
        commands.requireBrokerReachable();
        long number = workflows.nextExecutionNumber(workflowId);
        UUID executionId = UUID.randomUUID();
        OutboxRow command;
        try {
            command = transaction.execute(status -> record(workspace, workflow, executionId, number, idempotencyKey,
                    inputs.inputs()));
        } catch (DuplicateKeyException e) {
            return earlierSubmission(workflowId, idempotencyKey)
                    .map(id -> Submission.submitted(id, workflowId))
                    .orElseThrow(() -> e);
        }
        return commands.publish(command) == CommandOutbox.Delivery.ON_THE_BROKER
                ? Submission.submitted(executionId, workflowId)
                : Submission.awaitingBroker(executionId, workflowId);
    }

    private OutboxRow record(Workspace workspace, Workflow workflow, UUID executionId, long number,
                             String idempotencyKey, Map<String, Object> inputs) {
        workflows.holdAgainstDeletion(workflow.id());
        Instant now = Instant.now(clock);
        submissions.insert(executionId, workflow.id(), workflow.version(), workspace.id(), workflow.projectId(), number,
                idempotencyKey, inputs, now);
        return commands.append(new StartExecution(executionId, workflow.id(), workflow.version(), workspace.id(),
                workflow.projectId(), workflow.document().snapshot(), inputs, now));
    }

    private Optional<UUID> earlierSubmission(UUID workflowId, String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty() : submissions.findByIdempotencyKey(workflowId, idempotencyKey);
    }
}
