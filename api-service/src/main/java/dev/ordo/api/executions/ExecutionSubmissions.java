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
        requireActive(workflow);
        Optional<UUID> earlier = earlierSubmission(workflowId, idempotencyKey);
        if (earlier.isPresent()) {
            return Submission.submitted(earlier.get(), workflowId);
        }
        InputVariables.Outcome inputs = InputVariables.check(workflow.document().variables(), inputVariables);
        if (!inputs.problems().isEmpty()) {
            throw ApiException.badRequest(Map.of("message", "Invalid input variables", "errors", inputs.problems()));
        }
        InputLimits.requireWithinLimit(inputs.inputs());
        return accept(workspace, workflow, new PinnedStart(workflow.version(), workflow.projectId(),
                workflow.document().snapshot(), inputs.inputs(), null), idempotencyKey);
    }

    /**
     * Submits {@code start}, an earlier execution's pinned version and inputs, as a new execution of
     * workflow {@code workflowId}, exactly as {@link #submit} does otherwise (number, idempotency,
     * outbox). The workflow must still exist (409 otherwise) and be active (400).
     */
    Submission resubmit(Workspace workspace, UUID workflowId, PinnedStart start, String idempotencyKey) {
        Workflow workflow = workflows.find(workspace.id(), workflowId).orElseThrow(() -> ApiException.conflict(
                "The workflow of execution " + start.rerunOf() + " was deleted, so it cannot run again"));
        requireActive(workflow);
        Optional<UUID> earlier = earlierSubmission(workflowId, idempotencyKey);
        if (earlier.isPresent()) {
            return Submission.submitted(earlier.get(), workflowId);
        }
        return accept(workspace, workflow, start, idempotencyKey);
    }

    private Submission accept(Workspace workspace, Workflow workflow, PinnedStart start, String idempotencyKey) {
        commands.requireBrokerReachable();
        UUID executionId = UUID.randomUUID();
        OutboxRow command;
        try {
            command = transaction.execute(status -> record(workspace, workflow.id(), executionId,
                    idempotencyKey, start));
        } catch (DuplicateKeyException e) {
            return earlierSubmission(workflow.id(), idempotencyKey)
                    .map(id -> Submission.submitted(id, workflow.id()))
                    .orElseThrow(() -> e);
        }
        return commands.publish(command) == CommandOutbox.Delivery.ON_THE_BROKER
                ? Submission.submitted(executionId, workflow.id())
                : Submission.awaitingBroker(executionId, workflow.id());
    }

    /**
     * One transaction: the workflow row held shared, then the number (the counter row stays locked
     * only until this short transaction commits; the broker is never waited on inside it, and a
     * rolled-back submission gives its number back), then the submission and its outbox row.
     */
    private OutboxRow record(Workspace workspace, UUID workflowId, UUID executionId,
                             String idempotencyKey, PinnedStart start) {
        workflows.holdAgainstDeletion(workflowId);
        long number = workflows.nextExecutionNumber(workflowId);
        Instant now = Instant.now(clock);
        submissions.insert(executionId, workflowId, start.workflowVersion(), workspace.id(), start.projectId(), number,
                idempotencyKey, start.inputs(), start.rerunOf(), now);
        return commands.append(new StartExecution(executionId, workflowId, start.workflowVersion(), workspace.id(),
                start.projectId(), start.definition(), start.inputs(), now));
    }

    private static void requireActive(Workflow workflow) {
        if (!workflow.isActive()) {
            throw ApiException.badRequest("Workflow is not active");
        }
    }

    private Optional<UUID> earlierSubmission(UUID workflowId, String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty() : submissions.findByIdempotencyKey(workflowId, idempotencyKey);
    }
}
