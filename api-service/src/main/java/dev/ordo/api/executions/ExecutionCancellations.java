package dev.ordo.api.executions;

import dev.ordo.api.messaging.CommandPublisher;
import dev.ordo.api.web.ApiException;
import dev.ordo.contract.execution.ExecutionCommand.CancelExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Accepts a cancel request: the execution must exist in the workspace (404 otherwise) and not be
 * finished as far as the read model knows (409 otherwise); then {@code CancelExecution} goes durably
 * to the broker. A cancel that loses a race with the execution's end is recorded by the engine as
 * a rejection.
 */
@Service
public class ExecutionCancellations {

    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled", "timeout");

    private final ExecutionQueries queries;
    private final CommandPublisher commands;
    private final Clock clock;

    ExecutionCancellations(ExecutionQueries queries, CommandPublisher commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    public CancelAccepted cancel(UUID workspaceId, UUID executionId) {
        String status = queries.status(workspaceId, executionId)
                .orElseThrow(() -> ApiException.notFound("Execution not found"))
                .status();
        if (FINISHED.contains(status)) {
            throw ApiException.conflict("Execution already finished with status " + status);
        }
        commands.publish(new CancelExecution(executionId, "cancelled on request", Instant.now(clock)));
        return CancelAccepted.of(executionId);
    }
}
