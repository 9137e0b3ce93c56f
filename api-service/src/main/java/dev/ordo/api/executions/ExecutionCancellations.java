package dev.ordo.api.executions;

import dev.ordo.api.messaging.CommandOutbox;
import dev.ordo.api.web.ApiException;
import dev.ordo.contract.execution.ExecutionCommand.CancelExecution;
import dev.ordo.contract.execution.ExecutionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Accepts a cancel request: the execution must exist in the workspace (404 otherwise) and not be
 * finished as far as the read model knows (409 otherwise); then {@code CancelExecution} goes
 * through the outbox like every command, so it reaches the engine after the execution's start even
 * when that start is still waiting there. A cancel that loses a race with the execution's end is
 * recorded by the engine as a rejection.
 */
@Service
public class ExecutionCancellations {

    private final ExecutionQueries queries;
    private final CommandOutbox commands;
    private final Clock clock;

    ExecutionCancellations(ExecutionQueries queries, CommandOutbox commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    public CancelAccepted cancel(UUID workspaceId, UUID executionId) {
        String status = queries.status(workspaceId, executionId)
                .orElseThrow(() -> ApiException.notFound("Execution not found"))
                .status();
        if (ExecutionStatus.fromApiName(status).map(ExecutionStatus::isTerminal).orElse(false)) {
            throw ApiException.conflict("Execution already finished with status " + status);
        }
        commands.requireBrokerReachable();
        commands.publish(commands.append(new CancelExecution(executionId, "cancelled on request", Instant.now(clock))));
        return CancelAccepted.of(executionId);
    }
}
