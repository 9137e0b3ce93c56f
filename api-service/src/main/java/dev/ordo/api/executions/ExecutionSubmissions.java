package dev.ordo.api.executions;

import dev.ordo.api.definitions.Workflow;
import dev.ordo.api.definitions.WorkflowDefinitions;
import dev.ordo.api.definitions.WorkflowRepository;
import dev.ordo.api.messaging.CommandPublisher;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.events.execution.ExecutionCommand.StartExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts an execute request: inputs checked, submission recorded, {@code StartExecution} durably
 * on the broker, all or nothing. The submission row commits only after the broker acknowledged.
 */
@Service
public class ExecutionSubmissions {

    private final WorkflowDefinitions definitions;
    private final WorkflowRepository workflows;
    private final SubmissionRepository submissions;
    private final CommandPublisher commands;
    private final Clock clock;

    ExecutionSubmissions(WorkflowDefinitions definitions, WorkflowRepository workflows,
                         SubmissionRepository submissions, CommandPublisher commands, Clock clock) {
        this.definitions = definitions;
        this.workflows = workflows;
        this.submissions = submissions;
        this.commands = commands;
        this.clock = clock;
    }

    @Transactional
    public Submission submit(Workspace workspace, UUID workflowId, Map<String, Object> inputVariables,
                             String idempotencyKey) {
        Workflow workflow = definitions.get(workspace, workflowId);
        if (!workflow.isActive()) {
            throw ApiException.badRequest("Workflow is not active");
        }
        if (idempotencyKey != null) {
            Optional<UUID> earlier = submissions.findByIdempotencyKey(workflowId, idempotencyKey);
            if (earlier.isPresent()) {
                return Submission.submitted(earlier.get(), workflowId);
            }
        }
        InputVariables.Outcome inputs = InputVariables.check(workflow.document().variables(), inputVariables);
        if (!inputs.problems().isEmpty()) {
            throw ApiException.badRequest(Map.of("message", "Invalid input variables", "errors", inputs.problems()));
        }
        UUID executionId = UUID.randomUUID();
        Instant now = Instant.now(clock);
        long number = workflows.nextExecutionNumber(workflowId);
        submissions.insert(executionId, workflowId, workflow.version(), workspace.id(), workflow.projectId(), number,
                idempotencyKey, inputs.inputs(), now);
        commands.publish(new StartExecution(executionId, workflowId, workflow.version(), workspace.id(),
                workflow.projectId(), workflow.document().snapshot(), inputs.inputs(), now));
        return Submission.submitted(executionId, workflowId);
    }
}
